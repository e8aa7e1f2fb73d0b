//! What an uploaded file of a pre-examination request is (请求书, 说明书, …, 自检表), apart from
//! which ones a request needs (`super::documents`) so that the errors can name a missing one.

use serde::{Deserialize, Serialize};

use crate::api::files::FileKind;
use crate::choice::choice;

/// What an uploaded file of a request is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(
    feature = "openapi",
    derive(utoipa::ToSchema),
    schema(as = PreExamDocument)
)]
#[serde(rename_all = "snake_case")]
pub enum Document {
    /// 请求书: every kind has one (a design's is the 外观设计专利请求书).
    Request,
    /// 说明书.
    Description,
    /// 权利要求书.
    Claims,
    /// 说明书摘要.
    Abstract,
    /// 说明书附图.
    Drawings,
    /// A design's views or photos (外观设计图片或照片).
    DesignViews,
    /// A design's brief description (简要说明).
    DesignBrief,
    /// The center's self-check list (自检表), filled in by the firm.
    SelfCheck,
    /// The joint R&D agreement (合作研发协议) with the co-applicants.
    JointRndAgreement,
}

choice!(Document {
    Request = "request", "请求书", "Request form";
    Description = "description", "说明书", "Description";
    Claims = "claims", "权利要求书", "Claims";
    Abstract = "abstract", "说明书摘要", "Abstract";
    Drawings = "drawings", "说明书附图", "Drawings";
    DesignViews = "design_views", "外观设计图片或照片", "Views or photos of the design";
    DesignBrief = "design_brief", "简要说明", "Brief description of the design";
    SelfCheck = "self_check", "自检表", "Self-check list";
    JointRndAgreement = "joint_rnd_agreement", "合作研发协议", "Joint R&D agreement";
});

impl Document {
    /// The field a problem with this document is reported at: `documents.<code>`.
    pub fn field(self) -> String {
        format!("documents.{}", self.code())
    }

    /// Whether a file of this type may be uploaded as this document: a PDF, as the national
    /// office's electronic filing takes them; a design's views may also be photos.
    pub fn accepts(self, kind: FileKind) -> bool {
        kind == FileKind::Pdf
            || (self == Document::DesignViews && matches!(kind, FileKind::Jpeg | FileKind::Png))
    }
}
