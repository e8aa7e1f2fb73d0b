//! The portal's services: their routes, names and what each one offers. The home page cards,
//! the navigation and the route table are all built from this one list.

use portal_domain::Lang;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Service {
    Booking,
    Assistance,
    GiLookup,
    Policies,
    FastTrack,
    Track,
}

/// A text in both languages.
type Text = (&'static str, &'static str);

impl Service {
    pub const ALL: [Service; 6] = [
        Service::Booking,
        Service::Assistance,
        Service::GiLookup,
        Service::Policies,
        Service::FastTrack,
        Service::Track,
    ];

    /// The route's one path segment.
    pub const fn segment(self) -> &'static str {
        match self {
            Service::Booking => "booking",
            Service::Assistance => "assistance",
            Service::GiLookup => "gi",
            Service::Policies => "policies",
            Service::FastTrack => "fast-track",
            Service::Track => "track",
        }
    }

    pub fn href(self) -> String {
        format!("/{}", self.segment())
    }

    pub fn title(self, lang: Lang) -> &'static str {
        pick(lang, self.texts().0)
    }

    pub fn summary(self, lang: Lang) -> &'static str {
        pick(lang, self.texts().1)
    }

    /// What the finished service will let people do (shown while it is being built).
    pub fn planned(self, lang: Lang) -> Vec<&'static str> {
        self.texts().2.iter().map(|t| pick(lang, *t)).collect()
    }

    fn texts(self) -> (Text, Text, &'static [Text]) {
        match self {
            Service::Booking => (
                ("预约咨询", "Book a consultation"),
                (
                    "预约到保护中心或快维中心，当面咨询专利、商标、著作权、地理标志等问题。",
                    "Book a face-to-face consultation on patents, trademarks, copyright, geographical indications and more at the protection center or a fast-rights center.",
                ),
                &[
                    ("选择咨询事项和服务网点", "choose a topic and a service location"),
                    ("按官方工作日历选择日期和时段", "pick a date and time from the official working-day calendar"),
                    ("获得预约编号，并可改约或取消", "get a booking reference, and change or cancel the booking"),
                ],
            ),
            Service::Assistance => (
                ("维权援助申请", "Rights assistance"),
                (
                    "专利、商标、著作权、地理标志或商业秘密被侵犯时，免费申请维权援助。",
                    "Apply for free help when your patent, trademark, copyright, geographical indication or trade secret is infringed.",
                ),
                &[
                    ("在线填写申请并上传证据，草稿自动保存", "apply online and upload evidence; your draft saves itself"),
                    ("提交后获得受理编号和初审期限", "get a reference and the date of the initial review"),
                    ("随时查看办理进度，回复中心的补正要求", "follow your request and answer the center's questions"),
                ],
            ),
            Service::GiLookup => (
                ("地理标志产品查询", "Geographical indications"),
                (
                    "查询全国4,453个地理标志产品的产地范围、批准公告和辨别方法。",
                    "Look up 4,453 geographical-indication products: where they come from, when they were approved and how to recognise the genuine ones.",
                ),
                &[
                    ("用中文、拼音或拼音首字母查找产品", "search by Chinese name, pinyin or pinyin initials"),
                    ("按省份、城市、类别和年份筛选", "filter by province, city, category and year"),
                    ("举报涉嫌假冒的地理标志产品", "report a suspected counterfeit"),
                ],
            ),
            Service::Policies => (
                ("政策解读", "Policies explained"),
                (
                    "阅读知识产权政策法规及其解读，例如《南通市知识产权促进和保护条例》。",
                    "Read IP regulations and plans with their explanations, such as the Nantong regulations on promoting and protecting IP.",
                ),
                &[
                    ("按地区、类型和主题浏览政策文件", "browse policy documents by region, kind and topic"),
                    ("全文搜索，直达相关条款", "search the full text and go straight to a section"),
                    ("看懂政策对个人和企业意味着什么", "understand what a policy means for you or your business"),
                ],
            ),
            Service::FastTrack => (
                ("企业快速通道", "Fast track for businesses"),
                (
                    "专利预审备案与预审请求、快速维权等面向企业的服务。",
                    "Patent pre-examination registration and requests, fast rights protection and other services for businesses.",
                ),
                &[
                    ("办理专利预审备案", "register your business for patent pre-examination"),
                    ("提交专利预审请求", "file a pre-examination request"),
                    ("申请快速维权", "ask for fast rights protection"),
                ],
            ),
            Service::Track => (
                ("办理进度查询", "Track a request"),
                (
                    "用编号和手机号查询预约或维权援助申请的办理进度。",
                    "Check the progress of a booking or an assistance request with its reference and your mobile number.",
                ),
                &[
                    ("查看每一步的办理状态和时限", "see each step of your request and its deadline"),
                    ("阅读中心的消息并补充材料", "read messages from the center and send more material"),
                ],
            ),
        }
    }
}

fn pick(lang: Lang, (zh, en): Text) -> &'static str {
    lang.pick(zh, en)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_service_has_a_distinct_route_and_texts_in_both_languages() {
        let mut segments: Vec<_> = Service::ALL.iter().map(|s| s.segment()).collect();
        segments.sort();
        segments.dedup();
        assert_eq!(segments.len(), Service::ALL.len());
        for service in Service::ALL {
            for lang in [Lang::Zh, Lang::En] {
                assert!(!service.title(lang).is_empty());
                assert!(!service.summary(lang).is_empty());
                assert!(!service.planned(lang).is_empty());
            }
        }
    }
}
