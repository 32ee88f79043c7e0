//! 规范化建设评价: a campaign planned over the divisions of a city, its calendar as today sees
//! it, and the city's sample drawn once from a recorded seed.
use crate::common::*;
use serde_json::{Value, json};

/// 晋中市 with three counties of two townships each, and a township of another city.
const DIVISIONS: &str = "区划代码,区划名称,简称\n\
140700,晋中市,\n140702,榆次区,\n140702001,锦纶街道,\n140702100,乌金山镇,\n\
140724,昔阳县,\n140724100,乐平镇,\n140724101,皋落镇,\n\
140781,介休市,\n140781001,北关街道,\n140781100,义安镇,\n\
140800,运城市,\n140802001,解州镇,\n";

async fn city_with_divisions(app: &TestApp) -> reqwest::Client {
    let admin = app.login(CITY_ADMIN).await;
    let url = app.url("/api/v1/admin/import?layout=divisions&apply=true");
    let report: Value = admin
        .post(url)
        .body(DIVISIONS)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(report["applied"], true, "{report}");
    admin
}

async fn call(app: &TestApp, admin: &reqwest::Client, endpoint: &str, body: Value) -> (u16, Value) {
    app.call(admin, &format!("evaluation/{endpoint}"), body)
        .await
}

fn draft(name: &str, root: &str) -> Value {
    json!({"draft": {"name": name, "year": 2026, "kind": "jinzhong", "root": root}})
}

db_test!(a_look_back_covers_the_citys_counties_and_townships_in_division_order, at "2026-06-01T09:00:00+08:00", |app| {
    let admin = city_with_divisions(app).await;
    let (status, id) = call(app, &admin, "campaign_create", draft("2026年规范化建设“回头看”", "140700")).await;
    assert_eq!(status, 200, "{id}");
    let (_, view) = call(app, &admin, "campaign", json!({"id": id})).await;
    let units: Vec<(String, String, String)> = (view["units"].as_array().unwrap().iter())
        .map(|u| (u["code"].as_str().unwrap().into(), u["name"].as_str().unwrap().into(), u["kind"].as_str().unwrap().into()))
        .collect();
    assert_eq!(units.len(), 9, "three counties and six townships, not 运城's: {units:?}");
    assert_eq!(units[0], ("140702".into(), "榆次区".into(), "县级统计机构".into()));
    assert_eq!(units[1], ("140702001".into(), "榆次区锦纶街道".into(), "乡镇统计机构".into()));
    assert_eq!(units[8].1, "介休市义安镇");
    let states: Vec<(&str, &str)> = (view["windows"].as_array().unwrap().iter())
        .map(|w| (w["stage"].as_str().unwrap(), w["state"].as_str().unwrap()))
        .collect();
    assert_eq!(view["windows"][0]["days"], "5月10日—5月25日");
    assert_eq!(states, [("自评", "已截止"), ("县级检查", "进行中"), ("市级检查", "未开始"), ("材料报送", "未开始")]);
    assert_eq!(view["templates"].as_array().unwrap().len(), 2);
    assert_eq!(view["thresholds"], "优秀 90 分及以上，合格 80 分及以上，其余为不合格");
    assert_eq!(view["sample"], Value::Null);
    let (_, list) = call(app, &admin, "campaigns", json!({})).await;
    assert_eq!((list[0]["units"].as_u64(), &list[0]["drawn"]), (Some(9), &json!(false)));
});

db_test!(the_sample_is_drawn_once_and_drawing_again_from_its_seed_gives_the_same_units, at "2026-06-12T09:00:00+08:00", |app| {
    let admin = city_with_divisions(app).await;
    let (_, id) = call(app, &admin, "campaign_create", draft("回头看", "140700")).await;
    let (status, view) = call(app, &admin, "campaign_draw", json!({"id": id})).await;
    assert_eq!(status, 200, "{view}");
    let sample = &view["sample"];
    assert_eq!((sample["counties"].as_u64(), sample["townships"].as_u64()), (Some(3), Some(6)), "{sample}");
    assert_eq!(sample["verified"], true);
    assert_eq!(sample["short"], "可抽单位不足：县级单位少 3 个、乡镇少 18 个，已全部抽取");
    assert!(sample["seed"].as_u64().unwrap() < 100_000_000);
    let sampled = (view["units"].as_array().unwrap().iter()).filter(|u| u["sampled"] == true).count();
    assert_eq!(sampled, 9);
    let (status, again) = call(app, &admin, "campaign_draw", json!({"id": id})).await;
    assert_eq!(status, 422);
    assert!(again.to_string().contains("样本已抽取，不能重抽"), "{again}");
    let (_, log) = app.admin_call(&admin, "audit", json!({})).await;
    let actions: Vec<&str> = log.as_array().unwrap().iter().map(|e| e["action"].as_str().unwrap()).collect();
    assert!(actions.contains(&"evaluation_sample") && actions.contains(&"evaluation_campaign"), "{actions:?}");
});

db_test!(
    a_campaign_that_cannot_run_is_refused_in_chinese_and_nothing_is_kept,
    |app| {
        let admin = city_with_divisions(app).await;
        for (body, expected) in [
            (draft("回头看", "1407"), "区划代码应为 6 位"),
            (draft("回头看", "140900"), "评价范围内没有可评价的单位"),
            (draft(" ", "140700"), "请填写评价名称"),
        ] {
            let (status, answer) = call(app, &admin, "campaign_create", body).await;
            assert_eq!(status, 422, "{answer}");
            assert!(answer.to_string().contains(expected), "{answer}");
        }
        let (_, list) = call(app, &admin, "campaigns", json!({})).await;
        assert_eq!(list, json!([]));
        let (_, none) = call(app, &admin, "campaign", json!({"id": 99})).await;
        assert_eq!(none, Value::Null);
    }
);

db_test!(a_township_leader_plans_no_campaign, |app| {
    let leader = app.login(DONGHU_LEADER).await;
    let (status, _) = call(app, &leader, "campaigns", json!({})).await;
    assert_eq!(status, 403);
});

db_test!(
    the_demo_city_can_plan_a_contact_point_evaluation_at_once,
    |app| {
        let admin = app.login(CITY_ADMIN).await;
        let body =
            json!({"draft": {"name": "联点评价", "year": 2026, "kind": "hunan", "root": "990100"}});
        let (status, id) = call(app, &admin, "campaign_create", body).await;
        assert_eq!(status, 200, "{id}");
        let (_, view) = call(app, &admin, "campaign", json!({"id": id})).await;
        let names: Vec<&str> = view["units"]
            .as_array()
            .unwrap()
            .iter()
            .map(|u| u["name"].as_str().unwrap())
            .collect();
        assert_eq!(
            names,
            [
                "青山县青山镇",
                "青山县白石乡",
                "云江市西岭街道",
                "云江市东湖镇"
            ]
        );
        assert_eq!(view["windows"][0]["stage"], "联点评价");
    }
);

db_test!(
    the_totals_kept_make_the_notice_by_grade_and_city_in_division_order,
    |app| {
        let admin = app.login(CITY_ADMIN).await;
        let body = json!({"draft": {"name": "2026年联点评价", "year": 2026, "kind": "hunan", "root": "990000"}});
        let (_, id) = call(app, &admin, "campaign_create", body).await;
        let totals = json!([
            {"code": "990202100", "total": "82"},
            {"code": "990181100", "total": "95.5"},
            {"code": "990121101", "total": "88"},
            {"code": "990181001", "total": "91"},
            {"code": "990221100", "total": "93"},
            {"code": "990121100", "total": ""},
        ]);
        let (status, view) = call(
            app,
            &admin,
            "campaign_totals",
            json!({"id": id, "totals": totals}),
        )
        .await;
        assert_eq!(status, 200, "{view}");
        assert_eq!(
            view["results"],
            "共评价5个单位，平均分数为89.9分。其中，优秀（90分及以上）3个，合格（80分及以上）2个。"
        );
        let east = view["units"]
            .as_array()
            .unwrap()
            .iter()
            .find(|u| u["code"] == "990181100")
            .unwrap()
            .clone();
        assert_eq!(
            (&east["total"], &east["grade"]),
            (&json!("95.5"), &json!("优秀"))
        );

        let (_, notice) = call(app, &admin, "campaign_notice", json!({"id": id})).await;
        let lines: Vec<Vec<String>> = (notice["notice"]["sections"].as_array().unwrap().iter())
            .map(|s| {
                let mut lines = vec![s["heading"].as_str().unwrap().to_owned()];
                for c in s["cities"].as_array().unwrap() {
                    let units: Vec<&str> = c["units"]
                        .as_array()
                        .unwrap()
                        .iter()
                        .map(|u| u.as_str().unwrap())
                        .collect();
                    lines.push(format!(
                        "{}（{}个）：{}",
                        c["city"].as_str().unwrap(),
                        units.len(),
                        units.join("、")
                    ));
                }
                lines
            })
            .collect();
        assert_eq!(
            lines,
            [
                vec![
                    "（一）优秀（90分及以上）",
                    "云州市（2个）：云江市西岭街道、云江市东湖镇",
                    "海州州（1个）：海东县渔湾镇"
                ],
                vec![
                    "（二）合格（80分及以上）",
                    "云州市（1个）：青山县白石乡",
                    "海州州（1个）：港城区盐田镇"
                ],
            ]
        );
        assert_eq!(
            notice["unscored"], 2,
            "青山镇 left empty and 港口街道 never entered"
        );

        for (total, expected) in [
            ("100.5", "总分应为 0 至 100"),
            ("九十", "总分应为 0 至 100"),
        ] {
            let bad = json!([{"code": "990121100", "total": total}]);
            let (status, answer) = call(
                app,
                &admin,
                "campaign_totals",
                json!({"id": id, "totals": bad}),
            )
            .await;
            assert_eq!(status, 422, "{answer}");
            assert!(
                answer.to_string().contains(expected)
                    && answer.to_string().contains("青山县青山镇"),
                "{answer}"
            );
        }
        let stranger = json!([{"code": "140700", "total": "90"}]);
        let (status, answer) = call(
            app,
            &admin,
            "campaign_totals",
            json!({"id": id, "totals": stranger}),
        )
        .await;
        assert_eq!(status, 422);
        assert!(answer.to_string().contains("不是本评价的单位"), "{answer}");
        let (_, notice) = call(app, &admin, "campaign_notice", json!({"id": id})).await;
        assert_eq!(notice["unscored"], 2, "a refused save keeps nothing");
        let (_, log) = app.admin_call(&admin, "audit", json!({})).await;
        let kept = log
            .as_array()
            .unwrap()
            .iter()
            .filter(|e| e["action"] == "evaluation_total")
            .count();
        assert_eq!(kept, 5);
    }
);

db_test!(
    the_notice_downloads_as_a_spreadsheet_in_notice_order_and_as_a_word_document_to_issue,
    at "2026-07-03T09:00:00+08:00",
    |app| {
        use calamine::{Reader, Xlsx};
        use std::io::Read;
        let admin = app.login(CITY_ADMIN).await;
        let body = json!({"draft": {"name": "2026年联点评价", "year": 2026, "kind": "hunan", "root": "990000"}});
        let (_, id) = call(app, &admin, "campaign_create", body).await;
        let totals = json!([
            {"code": "990202100", "total": "79.5"},
            {"code": "990181100", "total": "95.5"},
            {"code": "990181001", "total": "91"},
        ]);
        let (status, _) = call(app, &admin, "campaign_totals", json!({"id": id, "totals": totals})).await;
        assert_eq!(status, 200);

        // Asked for as a browser asks: the files are ZIPs, compressed already, and sent as they are.
        let get = |path: &str| {
            let url = app.url(&format!("{path}?id={id}"));
            let admin = admin.clone();
            async move {
                let answer = admin.get(url).header("accept-encoding", PHONE_ACCEPT_ENCODING);
                answer.send().await.unwrap()
            }
        };
        let sheet = get(app::evaluation::api::NOTICE_XLSX_PATH).await;
        assert_eq!(sheet.status(), 200);
        assert_eq!(sheet.headers().get("content-encoding"), None);
        let disposition = sheet.headers()["content-disposition"].to_str().unwrap().to_owned();
        // 2026年联点评价结果通报.xlsx, percent-encoded.
        assert!(disposition.contains("filename*=UTF-8''2026%E5%B9%B4"), "{disposition}");
        let bytes = sheet.bytes().await.unwrap().to_vec();
        let mut book: Xlsx<_> = Xlsx::new(std::io::Cursor::new(bytes)).unwrap();
        let range = book.worksheet_range("评价结果").unwrap();
        let rows: Vec<Vec<String>> = range
            .rows()
            .map(|r| r.iter().map(ToString::to_string).collect())
            .collect();
        assert_eq!(rows[0][0], "关于2026年联点评价结果的通报");
        assert!(rows[2][0].starts_with("另有 4 个单位尚未评分"), "{rows:?}");
        assert_eq!(rows[3], ["序号", "等次", "市（州）", "单位", "区划代码", "得分"]);
        assert_eq!(
            rows[4..].to_vec(),
            [
                ["1", "优秀", "云州市", "云江市西岭街道", "990181001", "91"],
                ["2", "优秀", "云州市", "云江市东湖镇", "990181100", "95.5"],
                ["3", "不合格", "海州州", "港城区盐田镇", "990202100", "79.5"],
            ]
        );

        let word = get(app::evaluation::api::NOTICE_DOCX_PATH).await;
        assert_eq!(word.status(), 200);
        assert!(word.headers()["content-type"].to_str().unwrap().contains("wordprocessingml"));
        assert_eq!(word.headers().get("content-encoding"), None);
        let bytes = word.bytes().await.unwrap().to_vec();
        let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
        let mut xml = String::new();
        zip.by_name("word/document.xml").unwrap().read_to_string(&mut xml).unwrap();
        let order = [
            "关于2026年联点评价结果的通报",
            "共评价3个单位，平均分数为88.7分。",
            "（一）优秀（90分及以上）",
            "云州市（2个）：云江市西岭街道、云江市东湖镇",
            "（二）不合格（80分以下）",
            "海州州（1个）：港城区盐田镇",
            "2026年7月3日",
        ];
        let at: Vec<Option<usize>> = order.iter().map(|t| xml.find(t)).collect();
        assert!(at.iter().all(Option::is_some), "{at:?}");
        assert!(at.windows(2).all(|w| w[0] < w[1]), "{at:?}");

        let leader = app.login(DONGHU_LEADER).await;
        let url = app.url(&format!("{}?id={id}", app::evaluation::api::NOTICE_DOCX_PATH));
        assert_eq!(leader.get(url).send().await.unwrap().status(), 403);
        let url = app.url(&format!("{}?id=999", app::evaluation::api::NOTICE_XLSX_PATH));
        assert_eq!(admin.get(url).send().await.unwrap().status(), 422);
    }
);
