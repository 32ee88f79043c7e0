//! Tests of classifying a re-import against the enterprises that exist.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use super::super::test_files::code;
use super::*;

fn row(n: u32, name: &str) -> EnterpriseRow {
    EnterpriseRow {
        name: name.to_owned(),
        credit_code: CreditCode::parse(&code(n)).unwrap(),
        industry: Industry::Industrial,
        above_scale: true,
        cultivation: false,
        statistician_name: Some("张三".to_owned()),
        statistician_phone: Some(PhoneNumber::parse("13812345678").unwrap()),
        grid_name: "城东工业网格1".to_owned(),
    }
}

#[test]
fn rows_are_new_changed_or_unchanged_by_credit_code() {
    let same = row(1, "甲公司");
    let mut moved = row(2, "乙公司");
    let existing: HashMap<CreditCode, ExistingEnterprise> = [&same, &moved]
        .into_iter()
        .map(|r| (r.credit_code.clone(), ExistingEnterprise::from(r)))
        .collect();
    moved.grid_name = "城东工业网格2".to_owned();
    moved.cultivation = true;
    moved.statistician_phone = None;
    let renamed = EnterpriseRow {
        name: "乙公司（更名）".to_owned(),
        industry: Industry::Trade,
        ..row(2, "")
    };
    let fresh = row(3, "丙公司");
    let changes = classify(&existing, [&same, &moved, &renamed, &fresh]);
    assert_eq!(
        changes,
        [
            RowChange::Unchanged,
            RowChange::Changed {
                fields: vec!["所属网格", "小升规培育", "统计人员电话"]
            },
            RowChange::Changed {
                fields: vec!["企业名称", "行业"]
            },
            RowChange::New,
        ]
    );
    let summary = summarize(&changes);
    assert_eq!(
        summary,
        ChangeSummary {
            new: 1,
            changed: 2,
            unchanged: 1
        }
    );
}

#[test]
fn nothing_exists_so_everything_is_new() {
    let rows = [row(1, "甲"), row(2, "乙")];
    let changes = classify(&HashMap::new(), &rows);
    assert_eq!(changes, [RowChange::New, RowChange::New]);
}
