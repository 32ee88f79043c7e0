//! Round trips: rows exported as XLSX or CSV and imported again are the same rows.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use proptest::prelude::*;

use crate::directory::import::Staffing;
use crate::domain::credit_code::CreditCode;
use crate::domain::grid::{Industry, Role};
use crate::domain::phone::PhoneNumber;
use crate::domain::staffing::Employment;

use super::super::test_files::code;
use super::super::{preview, preview_as};
use super::*;

fn enterprise(n: u32, name: &str, industry: Industry, flags: bool) -> EnterpriseRow {
    EnterpriseRow {
        name: name.to_owned(),
        credit_code: CreditCode::parse(&code(n)).unwrap(),
        industry,
        above_scale: flags,
        cultivation: !flags,
        statistician_name: flags.then(|| "张三".to_owned()),
        statistician_phone: flags.then(|| PhoneNumber::parse("13812345678").unwrap()),
        grid_name: "城东工业网格1".to_owned(),
    }
}

fn person(name: &str, phone: &str, role: Role) -> PersonRow {
    PersonRow {
        name: name.to_owned(),
        phone: PhoneNumber::parse(phone).unwrap(),
        grid_name: "城东网格".to_owned(),
        role,
        staffing: None,
    }
}

fn sample_enterprises() -> Vec<EnterpriseRow> {
    vec![
        enterprise(1, "甲机械有限公司", Industry::Industrial, true),
        enterprise(2, "乙, \"贸易\" 公司", Industry::Trade, false),
        enterprise(3, "丙物业\n服务公司", Industry::Service, true),
    ]
}

#[test]
fn enterprises_survive_an_xlsx_round_trip() {
    let rows = sample_enterprises();
    let parsed = preview(&enterprises_to_xlsx(&rows).unwrap()).unwrap();
    assert!(parsed.errors.is_empty(), "{:?}", parsed.errors);
    assert_eq!(parsed.enterprises().cloned().collect::<Vec<_>>(), rows);
}

#[test]
fn enterprises_survive_a_csv_round_trip_with_a_bom() {
    let rows = sample_enterprises();
    let bytes = enterprises_to_csv(&rows).unwrap();
    assert!(
        bytes.starts_with(b"\xEF\xBB\xBF\xE4\xBC\x81"),
        "BOM, then 企"
    );
    let parsed = preview_as(&bytes, Layout::Enterprises).unwrap();
    assert_eq!(parsed.enterprises().cloned().collect::<Vec<_>>(), rows);
}

#[test]
fn people_survive_both_round_trips() {
    let rows = vec![
        person("陈一", "13812345678", Role::Leader),
        person("陈一", "13812345678", Role::Instructor),
        person("周三", "19900000000", Role::Member),
        PersonRow {
            staffing: Some(Staffing {
                post: "经发办统计员".to_owned(),
                employment: Employment::Seconded,
            }),
            ..person("刘芳", "13900000013", Role::Member)
        },
    ];
    for bytes in [
        people_to_xlsx(&rows).unwrap(),
        people_to_csv(&rows).unwrap(),
    ] {
        let parsed = preview(&bytes).unwrap();
        assert_eq!(parsed.layout, Layout::People);
        assert_eq!(parsed.people().cloned().collect::<Vec<_>>(), rows);
    }
}

#[test]
fn the_export_writes_every_header_of_the_layout() {
    let bytes = enterprises_to_csv(&[]).unwrap();
    let text = String::from_utf8(bytes[3..].to_vec()).unwrap();
    assert_eq!(text.trim_end(), Layout::Enterprises.headers().join(","));
    assert_eq!(preview(&bytes), Err(ImportError::NoDataRows));
}

fn any_enterprise() -> impl Strategy<Value = EnterpriseRow> {
    let industry = proptest::sample::select(Industry::ALL.to_vec());
    let name = "[甲乙丙丁a-z,\"][甲乙丙丁a-z ,\"\n]{0,10}[甲乙丙丁a-z\"]";
    let phone = proptest::option::of("1[3-9][0-9]{9}");
    (
        0u32..100_000,
        name,
        industry,
        any::<(bool, bool)>(),
        proptest::option::of("[赵钱孙李]{2,3}"),
        phone,
    )
        .prop_map(
            |(n, name, industry, (above_scale, cultivation), statistician_name, phone)| {
                EnterpriseRow {
                    name,
                    credit_code: CreditCode::parse(&code(n)).unwrap(),
                    industry,
                    above_scale,
                    cultivation,
                    statistician_name,
                    statistician_phone: phone.map(|p| PhoneNumber::parse(&p).unwrap()),
                    grid_name: format!("网格{n}"),
                }
            },
        )
}

fn unique_codes(rows: Vec<EnterpriseRow>) -> Vec<EnterpriseRow> {
    let mut seen = std::collections::HashSet::new();
    rows.into_iter()
        .filter(|r| seen.insert(r.credit_code.clone()))
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn any_directory_round_trips(rows in proptest::collection::vec(any_enterprise(), 1..12)) {
        let rows = unique_codes(rows);
        for bytes in [enterprises_to_xlsx(&rows).unwrap(), enterprises_to_csv(&rows).unwrap()] {
            let parsed = preview(&bytes).unwrap();
            prop_assert!(parsed.errors.is_empty(), "{:?}", parsed.errors);
            prop_assert_eq!(parsed.enterprises().cloned().collect::<Vec<_>>(), rows.clone());
        }
    }
}
