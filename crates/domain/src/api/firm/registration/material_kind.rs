//! What an uploaded file of a registration is (its purpose: 营业执照, 社保缴纳证明, …), apart from
//! the rules about them (`super::materials`) so that the errors can name a missing one.

use serde::{Deserialize, Serialize};

/// What an uploaded file of a registration is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Material {
    /// 营业执照.
    BusinessLicence,
    /// 社保缴纳证明: the social-insurance payment records of the firm's staff.
    SocialInsurance,
    /// The 承诺书, signed and sealed.
    Declaration,
    /// 研发投入证明: proof of the R&D spending.
    RndProof,
}

impl Material {
    pub const ALL: [Material; 4] = [
        Material::BusinessLicence,
        Material::SocialInsurance,
        Material::Declaration,
        Material::RndProof,
    ];

    /// The value in JSON, in `?purpose=` and in the database.
    pub fn code(self) -> &'static str {
        match self {
            Material::BusinessLicence => "business_licence",
            Material::SocialInsurance => "social_insurance",
            Material::Declaration => "declaration",
            Material::RndProof => "rnd_proof",
        }
    }

    pub fn from_code(code: &str) -> Option<Material> {
        Material::ALL.into_iter().find(|m| m.code() == code.trim())
    }

    /// The field a problem with this material is reported at: `uploads.<code>`.
    pub fn field(self) -> String {
        format!("uploads.{}", self.code())
    }
}
