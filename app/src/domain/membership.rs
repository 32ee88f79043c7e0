//! Whether an enterprise grid's people are who the documents say: 网格成员由“四上”企业统计员、
//! 小升规培育企业统计员组成; 副网格长由“四上”企业优秀统计员担任 (001 §三(一), §三(二)4;
//! 003 §三(一)). A person is the statistician of the enterprise of their grid whose
//! statistician's phone, as the directory gives it, is theirs.

use serde::{Deserialize, Serialize};

use super::grid::Role;
use super::phone::PhoneNumber;

/// An enterprise of the grid, as the directory keeps it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Firm {
    pub id: i32,
    /// The statistician's phone as entered; one that is not a mobile number matches no one.
    pub statistician_phone: String,
    pub above_scale: bool,
    pub cultivation: bool,
}

/// How a member or deputy stands against the documents.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "standing", rename_all = "snake_case")]
pub enum Standing {
    /// The statistician of an enterprise the role asks for.
    Meets { enterprise_id: i32 },
    /// The statistician of an enterprise of the grid that is not of the kind the role asks for
    /// (neither 四上 nor 小升规 for a member; not 四上 for a deputy).
    WrongEnterprise { enterprise_id: i32 },
    /// No enterprise of the grid gives their phone for its statistician.
    Unmatched,
}

/// Whether the documents ask anything of `role`'s person: members and deputies.
pub fn checked(role: Role) -> bool {
    matches!(role, Role::Member | Role::DeputyLeader)
}

/// How someone holding `role` in a grid with `firms`, whose phone is `phone`, stands. Where
/// several enterprises give the phone (one statistician for a group's companies), the first
/// one the role asks for counts.
pub fn standing(role: Role, phone: &PhoneNumber, firms: &[Firm]) -> Standing {
    let theirs: Vec<&Firm> = firms
        .iter()
        .filter(|f| PhoneNumber::parse(&f.statistician_phone).is_ok_and(|p| &p == phone))
        .collect();
    let fits = |f: &&Firm| match role {
        Role::DeputyLeader => f.above_scale,
        _ => f.above_scale || f.cultivation,
    };
    match (theirs.iter().copied().find(fits), theirs.first()) {
        (Some(f), _) => Standing::Meets {
            enterprise_id: f.id,
        },
        (None, Some(f)) => Standing::WrongEnterprise {
            enterprise_id: f.id,
        },
        (None, None) => Standing::Unmatched,
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    fn firm(id: i32, phone: &str, above_scale: bool, cultivation: bool) -> Firm {
        Firm {
            id,
            statistician_phone: phone.into(),
            above_scale,
            cultivation,
        }
    }

    fn phone(s: &str) -> PhoneNumber {
        PhoneNumber::parse(s).unwrap()
    }

    #[test]
    fn a_member_is_the_statistician_of_a_four_above_or_cultivated_enterprise() {
        let firms = [
            firm(1, "138-0000-0005", false, false),
            firm(2, "+86 13800000005", false, true),
            firm(3, "13800000009", true, false),
        ];
        let li_na = phone("13800000005");
        assert_eq!(
            standing(Role::Member, &li_na, &firms),
            Standing::Meets { enterprise_id: 2 }
        );
        assert_eq!(
            standing(Role::Member, &li_na, &firms[..1]),
            Standing::WrongEnterprise { enterprise_id: 1 }
        );
        assert_eq!(
            standing(Role::Member, &phone("13900000000"), &firms),
            Standing::Unmatched
        );
    }

    #[test]
    fn a_deputy_must_come_from_a_four_above_enterprise() {
        let firms = [
            firm(2, "13800000007", false, true),
            firm(5, "", true, false),
        ];
        assert_eq!(
            standing(Role::DeputyLeader, &phone("13800000007"), &firms),
            Standing::WrongEnterprise { enterprise_id: 2 }
        );
        assert!(checked(Role::DeputyLeader) && checked(Role::Member));
        assert!(!checked(Role::Leader) && !checked(Role::Instructor));
    }
}
