//! Which of the portal's services a policy passage is about, and the "I want to…" entries of
//! the library's start page, both decided by the words of the passages through the two tables
//! below, never by editing documents: a new document gets its links by what it says.

use portal_domain::api::policies::{
    section_label, PolicyDocument, PolicyPassage, PolicyScope, PolicySection, PolicyService,
    PolicyTask, PolicyTaskKind,
};

/// A passage is about a service when its own text (heading, paragraphs; for a Q&A the question
/// and the answers) holds one of the service's words.
///
/// The words are the documents' own names for what the service does. `预审` alone is not one:
/// the 2025 press conference also says a draft law went to the provincial legislature for
/// 预审, which is not the patent service. Consultation booking offers a 质押融资 topic and a
/// policy one (`data/seed/booking.json`).
pub const SERVICE_WORDS: [(PolicyService, &[&str]); 4] = [
    (
        PolicyService::Booking,
        &["质押融资", "法律咨询", "政策咨询"],
    ),
    (PolicyService::Assistance, &["维权援助"]),
    (PolicyService::Gi, &["地理标志"]),
    (
        PolicyService::FastTrack,
        &["专利预审", "预审领域", "快速预审", "批量预审", "快速维权"],
    ),
];

/// The "I want to…" entries: the question, the service that does it, and the words of the
/// passages that answer it (searched in the center's own documents only: other cities'
/// practice does not say how it is done here).
const TASKS: [(PolicyTaskKind, PolicyService, &[&str]); 2] = [
    (
        PolicyTaskKind::PledgeLoan,
        PolicyService::Booking,
        &["质押融资"],
    ),
    (
        PolicyTaskKind::PreExamination,
        PolicyService::FastTrack,
        &["预审领域", "快速预审", "批量预审"],
    ),
];

/// The most passages one entry lists.
const MAX_TASK_PASSAGES: usize = 4;

/// The services whose words occur in the texts, in the order of [`SERVICE_WORDS`].
pub fn services<'a>(texts: impl Iterator<Item = &'a str> + Clone) -> Vec<PolicyService> {
    SERVICE_WORDS
        .iter()
        .filter(|(_, words)| mentions(texts.clone(), words))
        .map(|(service, _)| *service)
        .collect()
}

fn mentions<'a>(mut texts: impl Iterator<Item = &'a str>, words: &[&str]) -> bool {
    texts.any(|t| words.iter().any(|w| t.contains(w)))
}

/// Fills in the services of every section and Q&A of a document.
pub fn tag(document: &mut PolicyDocument) {
    fn sections(list: &mut [PolicySection]) {
        for s in list {
            let texts = s.heading.iter().chain(&s.paragraphs).map(String::as_str);
            s.services = services(texts);
            sections(&mut s.children);
        }
    }
    sections(&mut document.sections);
    for qa in &mut document.qa {
        let answers = qa.answers.iter().flat_map(|a| &a.paragraphs);
        let texts = std::iter::once(&qa.question)
            .chain(answers)
            .map(String::as_str);
        qa.services = services(texts);
    }
}

/// The "I want to…" entries for the documents, in list order.
pub fn tasks(documents: &[&PolicyDocument]) -> Vec<PolicyTask> {
    TASKS
        .iter()
        .map(|&(kind, service, words)| {
            let mut passages = Vec::new();
            for doc in documents.iter().filter(|d| d.scope == PolicyScope::Local) {
                collect(doc, &doc.sections, None, words, &mut passages);
            }
            passages.truncate(MAX_TASK_PASSAGES);
            PolicyTask {
                kind,
                service,
                passages,
            }
        })
        .collect()
}

/// The sections of `list` (and below) whose own text holds one of the words, in reading order;
/// `parent` is the label of the nearest labelled section above.
fn collect(
    doc: &PolicyDocument,
    list: &[PolicySection],
    parent: Option<&str>,
    words: &[&str],
    out: &mut Vec<PolicyPassage>,
) {
    for s in list {
        let own = section_label(s.number.as_deref(), s.heading.as_deref());
        let label = own.as_deref().or(parent);
        let texts = s.heading.iter().chain(&s.paragraphs).map(String::as_str);
        if mentions(texts, words) {
            out.push(PolicyPassage {
                doc: doc.slug.clone(),
                doc_title: doc.title.clone(),
                anchor: s.id.clone(),
                label: label.map(str::to_owned),
            });
        }
        collect(doc, &s.children, label, words, out);
    }
}
