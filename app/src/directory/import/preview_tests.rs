//! Row-level checks of the preview on real files of both layouts: bad cells,
//! duplicates, one phone under two names, and grids the township lacks.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use crate::domain::grid::{GridKind, Industry, Role};
use crate::domain::staffing::Employment;

use super::test_files::*;
use super::*;

/// An enterprise file with one bad row of each kind between two good ones.
fn enterprise_file_with_bad_rows() -> Vec<Vec<String>> {
    let (c1, c3, c9) = (code(1), code(3), code(9));
    let bad_check = format!("{}X", &code(2)[..17]);
    with_header(
        &ENTERPRISE_HEADER,
        rows(&[
            &[
                "甲机械有限公司",
                &c1,
                "工业",
                "城东工业网格1",
                "是",
                "否",
                "张三",
                "13812345678",
            ],
            &["乙贸易公司", &bad_check, "贸易", "城东网格", "", "", "", ""],
            &["丙农场", &c3, "农业", "城东网格", "", "", "", ""],
            &[
                "甲机械（重复）",
                &c1,
                "工业",
                "城东工业网格1",
                "",
                "",
                "",
                "",
            ],
            &["丁服务公司", &code(5), "服务业", "", "", "", "", ""],
            &[
                "戊建筑公司",
                &code(6),
                "建筑业",
                "城东网格",
                "",
                "有",
                "李四",
                "12345",
            ],
            &["", "", "", "", "", "", "", ""],
            &["", &code(8), "房地产", "城东网格", "", "", "", ""],
            &[
                "己房产公司",
                &c9,
                "real_estate",
                "城东网格",
                "",
                "是",
                "",
                "",
            ],
        ]),
    )
}

fn messages(preview: &ImportPreview) -> Vec<String> {
    preview.errors.iter().map(ToString::to_string).collect()
}
#[test]
fn an_xlsx_directory_is_previewed_with_row_errors_in_chinese() {
    let preview = preview(&xlsx(&enterprise_file_with_bad_rows())).unwrap();
    assert_eq!(preview.layout, Layout::Enterprises);
    let valid: Vec<u32> = preview.rows.iter().map(|r| r.row).collect();
    assert_eq!(valid, [2, 10]);
    let check = code(2).chars().last().unwrap();
    assert_eq!(
        messages(&preview),
        [
            format!("第3行【统一社会信用代码】校验码错误：应为{check}，实际为X"),
            "第4行【行业】未知行业“农业”，应为以下之一：工业、贸易、服务业、建筑业、房地产、其他"
                .to_owned(),
            "第5行【统一社会信用代码】与第2行重复".to_owned(),
            "第6行【所属网格】不能为空".to_owned(),
            "第7行【小升规培育】“有”无法识别，应填写“是”或“否”".to_owned(),
            "第7行【统计人员电话】手机号应为11位数字，以1开头".to_owned(),
            "第9行【企业名称】不能为空".to_owned(),
        ]
    );
    assert_eq!(preview.rejected_rows(), 6);
    let first = preview.enterprises().next().unwrap();
    assert_eq!(first.name, "甲机械有限公司");
    assert_eq!(first.credit_code.to_string(), code(1));
    assert_eq!(first.industry, Industry::Industrial);
    assert!(first.above_scale && !first.cultivation);
    assert_eq!(first.statistician_name.as_deref(), Some("张三"));
    assert_eq!(
        first.statistician_phone.as_ref().unwrap().as_str(),
        "13812345678"
    );
    let last = preview.enterprises().nth(1).unwrap();
    assert_eq!(last.industry, Industry::RealEstate);
    assert!(last.cultivation && last.statistician_phone.is_none());
}
#[test]
fn the_same_file_as_gbk_csv_gives_the_same_preview() {
    let table = enterprise_file_with_bad_rows();
    let from_xlsx = preview(&xlsx(&table)).unwrap();
    let from_gbk = preview(&gbk(&csv_text(&table))).unwrap();
    assert_eq!(from_gbk, from_xlsx);
    let mut bom_utf8 = b"\xEF\xBB\xBF".to_vec();
    bom_utf8.extend(csv_text(&table).into_bytes());
    assert_eq!(preview(&bom_utf8).unwrap(), from_xlsx);
    assert_eq!(preview(csv_text(&table).as_bytes()).unwrap(), from_xlsx);
}
#[test]
fn a_people_file_checks_roles_duplicates_and_names() {
    let table = with_header(
        &PEOPLE_HEADER,
        rows(&[
            &["陈一", "138-1234-5678", "城东工业网格1", "网格长"],
            &["陈一", "13812345678", "城东工业网格2", "deputy_leader"],
            &["陈一", "+86 13812345678", "城东工业网格1", "网格长"],
            &["陈二", "13812345678", "城东工业网格3", "网格员"],
            &["周三", "13900000001", "城东工业网格1", "组长"],
            &["吴四", "0571-8888888", "城东工业网格1", "网格员"],
            &["郑五", "13900000002", "", "网格指导员"],
        ]),
    );
    let preview = preview(&gbk(&csv_text(&table))).unwrap();
    assert_eq!(preview.layout, Layout::People);
    let roles: Vec<Role> = preview.people().map(|p| p.role).collect();
    assert_eq!(roles, [Role::Leader, Role::DeputyLeader]);
    assert_eq!(
        messages(&preview),
        [
            "第4行【角色】与第2行重复",
            "第5行【手机号】与第2行手机号相同，但姓名不同（陈一）",
            "第6行【角色】未知角色“组长”，应为以下之一：网格长、副网格长、网格指导员、网格员、村统计调查员",
            "第7行【手机号】手机号应为11位数字，以1开头",
            "第8行【所属网格】不能为空",
        ]
    );
}
#[test]
fn a_people_file_may_give_the_rosters_post_and_staffing() {
    let header = [PEOPLE_HEADER.as_slice(), &["职务", "配备方式"]].concat();
    let table = with_header(
        &header,
        rows(&[
            &["刘芳", "13900000013", "东湖镇", "网格员", "统计员", "派驻"],
            &[
                "周丽",
                "13900000014",
                "东湖工业一网格",
                "网格员",
                "统计站站长",
                "part_time",
            ],
            &["马骏", "13900000015", "东湖镇", "网格员", "统计员", ""],
            &[
                "王海",
                "13900000016",
                "东湖镇",
                "网格员",
                "",
                "村（社区）统计调查员",
            ],
            &[
                "陈静",
                "13900000017",
                "东湖镇",
                "网格员",
                "统计员",
                "临时工",
            ],
            &["李娜", "13900000018", "东湖工业一网格", "网格员", "", ""],
        ]),
    );
    let mut preview = preview(csv_text(&table).as_bytes()).unwrap();
    let staffing: Vec<Option<Employment>> = preview
        .people()
        .map(|p| p.staffing.as_ref().map(|s| s.employment))
        .collect();
    assert_eq!(
        staffing,
        [Some(Employment::Seconded), Some(Employment::PartTime), None]
    );
    assert_eq!(
        messages(&preview),
        [
            "第4行【配备方式】不能为空",
            "第5行【职务】不能为空",
            "第6行【配备方式】未知配备方式“临时工”，应为以下之一：专职、兼职、派驻、购买服务、村（社区）统计调查员、联网直报企业统计员",
        ]
    );
    // Only a level-2 unit keeps a roster.
    preview.reject_staffing_outside_units(|grid| grid == "东湖镇");
    let kept: Vec<&str> = preview.people().map(|p| p.name.as_str()).collect();
    assert_eq!(kept, ["刘芳", "李娜"]);
    assert!(messages(&preview).contains(
        &"第3行【配备方式】职务和配备方式用于乡镇（街道）、部门、开发区和市（县）统计局的统计人员名册，该网格不在这类单位之下".to_owned()
    ));
}

#[test]
fn a_village_surveyor_outside_the_villages_is_refused_with_the_row() {
    let table = with_header(
        &PEOPLE_HEADER,
        rows(&[
            &["王海", "13900000016", "东湖北片", "村统计调查员"],
            &["陈静", "13900000017", "东湖工业一网格", "村统计调查员"],
            &["李娜", "13900000018", "东湖工业一网格", "网格员"],
        ]),
    );
    let mut preview = preview(csv_text(&table).as_bytes()).unwrap();
    let kind = |grid: &str| match grid {
        "东湖北片" => GridKind::WorkArea,
        _ => GridKind::Enterprise,
    };
    preview.reject_roles_out_of_place(|grid, role| role.may_hold_in(kind(grid)));
    let kept: Vec<&str> = preview.people().map(|p| p.name.as_str()).collect();
    assert_eq!(kept, ["王海", "李娜"]);
    assert_eq!(
        messages(&preview),
        ["第3行【角色】村统计调查员只能设在乡镇（街道）、开发区或工作管理片"]
    );
}

#[test]
fn unknown_grids_move_rows_to_the_errors() {
    let table = with_header(
        &PEOPLE_HEADER,
        rows(&[
            &["陈一", "13812345678", "城东网格", "网格长"],
            &["周三", "139", "城西网格", "网格员"],
            &["吴四", "13900000001", "城西网格", "网格员"],
        ]),
    );
    let mut preview = preview(csv_text(&table).as_bytes()).unwrap();
    preview.reject_unknown_grids(|name| name == "城东网格");
    assert_eq!(preview.rows.len(), 1);
    assert_eq!(
        messages(&preview),
        [
            "第3行【手机号】手机号应为11位数字，以1开头",
            "第4行【所属网格】未找到网格“城西网格”",
        ]
    );
    assert_eq!(preview.rejected_rows(), 2);
}

#[test]
fn a_preview_crosses_the_wire_as_json() {
    let preview = preview(&xlsx(&enterprise_file_with_bad_rows())).unwrap();
    let json = serde_json::to_string(&preview).unwrap();
    assert!(json.contains(r#""kind":"enterprise""#), "{json}");
    let back: ImportPreview = serde_json::from_str(&json).unwrap();
    assert_eq!(back, preview);
}
