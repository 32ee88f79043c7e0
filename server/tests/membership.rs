//! 网格成员核对 (001 §三(一), §三(二)4): the members of the enterprise grids are the
//! statisticians of their 四上 and 小升规 enterprises and the deputies of 四上 ones, matched by
//! the phone the directory gives for each enterprise's statistician.
use crate::common::*;
use serde_json::{Value, json};

fn firm(name: &str, n: u32, grid: i64, above_scale: bool, phone: &str) -> Value {
    json!({"change": {"change": "add", "fields": {
        "name": name, "credit_code": credit_code(n), "industry": "industrial", "grid_id": grid,
        "above_scale": above_scale, "cultivation": !above_scale,
        "statistician_name": "统计员", "statistician_phone": phone
    }}})
}

db_test!(
    members_and_deputies_are_checked_against_their_grids_enterprises,
    |app| {
        let admin = app.login(CITY_ADMIN).await;
        let pulled = app.pull(&admin).await;
        let grid = grid_id(&pulled, "东湖工业一网格");
        let donghu = grid_id(&pulled, "东湖镇");
        let xiling = grid_id(&pulled, "西岭街道");
        let leader = app.login(DONGHU_LEADER).await;
        let check = |who, scope| app.call(who, "membership_check", json!({"scope": scope}));

        // The bare demo city gives no member's phone for a statistician.
        let (status, before) = check(&leader, donghu).await;
        assert_eq!(status, 200, "{before}");
        assert_eq!(
            (before["checked"].as_u64(), before["fitting"].as_u64()),
            (Some(2), Some(0))
        );

        // 李娜 keeps a 四上 enterprise's statistics; 赵敏, the deputy, a 小升规 one.
        let (status, body) = app
            .admin_call(
                &admin,
                "enterprise_change",
                firm("云江恒远机械有限公司", 901, grid, true, "138 0000 0005"),
            )
            .await;
        assert_eq!(status, 200, "{body}");
        let (status, body) = app
            .admin_call(
                &admin,
                "enterprise_change",
                firm("云江新苗电子有限公司", 902, grid, false, "13800000007"),
            )
            .await;
        assert_eq!(status, 200, "{body}");

        let (_, after) = check(&leader, donghu).await;
        assert_eq!(after["checked"], 2);
        assert_eq!(after["fitting"], 1, "{after}");
        let misfits = after["misfits"].as_array().unwrap();
        assert_eq!(misfits.len(), 1);
        assert_eq!(misfits[0]["name"], "赵敏");
        assert_eq!(misfits[0]["role"], "deputy_leader");
        assert_eq!(misfits[0]["standing"]["standing"], "wrong_enterprise");
        assert_eq!(misfits[0]["enterprise_name"], "云江新苗电子有限公司");

        // 西岭街道's member is no enterprise's statistician; its leader sees that, not 东湖镇's.
        let xiling_leader = app.login(XILING_LEADER).await;
        let (_, theirs) = check(&xiling_leader, xiling).await;
        assert_eq!(theirs["misfits"][0]["name"], "何静");
        assert_eq!(theirs["misfits"][0]["standing"]["standing"], "unmatched");
        assert_eq!(check(&xiling_leader, donghu).await.0, 403);
        let member = app.login(DONGHU_MEMBER).await;
        assert_eq!(check(&member, donghu).await.0, 403);
    }
);
