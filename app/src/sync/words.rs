//! The Chinese words of the sync protocol's answers, in one place to review them together.

pub const NOT_STORED: &str = "服务器未能保存该记录，请重试";
pub const ID_TAKEN: &str = "记录编号与他人的记录重复，请重新保存";
pub const NOT_ALLOWED: &str = "只能撤回自己有权修改的记录";
pub const WITHDRAWN: &str = "这条记录已撤回，不能再提交或修改";
pub const UNKNOWN_KIND: &str = "不支持的记录类型";
pub const MALFORMED_PAYLOAD: &str = "记录内容格式错误";

/// A version made from an older one than the server's, or another edit of the same one.
pub fn stale(noun: &str, stored_version: u32) -> String {
    format!("这条{noun}已在别处改为第{stored_version}版，与您的修改不同；请选择保留哪一版")
}

pub fn malformed_request(detail: &str) -> String {
    format!("请求格式错误：{detail}")
}

pub fn malformed_query(detail: &str) -> String {
    format!("请求参数错误：{detail}")
}

pub fn unsupported_protocol(protocol: u32) -> String {
    format!("不支持的同步协议版本 {protocol}，请更新应用")
}

pub fn batch_too_large(max: usize, sent: usize) -> String {
    format!("每批最多 {max} 条记录，本批 {sent} 条")
}
