//! The `choice!` macro: the code, label and list of values of the small enums people pick from
//! (an applicant kind, a rating level, …). Assistance and rating both declare choices with it.

/// Implements `code()` (the JSON value), `from_code`, `ALL` and `label(lang)` for a choice enum.
macro_rules! choice {
    ($name:ident { $($variant:ident = $code:literal, $zh:literal, $en:literal;)+ }) => {
        impl $name {
            /// Every value, in the order they are offered.
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            /// The value in JSON and in the database.
            pub fn code(self) -> &'static str {
                match self {
                    $($name::$variant => $code,)+
                }
            }

            pub fn from_code(code: &str) -> Option<$name> {
                match code.trim() {
                    $($code => Some($name::$variant),)+
                    _ => None,
                }
            }

            /// The name shown to people.
            pub fn label(self, lang: $crate::lang::Lang) -> &'static str {
                match self {
                    $($name::$variant => lang.pick($zh, $en),)+
                }
            }
        }
    };
}

pub(crate) use choice;
