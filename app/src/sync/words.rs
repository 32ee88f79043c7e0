//! The Chinese words of the sync protocol's answers, and of the phone's sync screens (the sync
//! bar, 设置与数据, conflicts, 撤回, the save of a record form), in one place to review them
//! together.

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

// The phone's side: what became of a sync, and the steps the user has yet to take.
pub const SESSION_EXPIRED: &str = "登录已失效，请重新登录后同步。记录仍保存在手机上。";
pub const CHANGE_PASSWORD_FIRST: &str = "请先修改密码，之后记录会自动同步。";
pub const CHOOSE_FILE_FIRST: &str = "请先选择文件";
pub const FILE_UNREADABLE: &str = "无法读取所选文件";
pub const FILE_NOT_MADE: &str = "无法生成文件";

pub fn offline_retry(seconds: u64) -> String {
    format!("无法连接服务器，{seconds} 秒后自动重试；联网后也会自动同步")
}

pub fn failed_retry(failure: &dyn std::fmt::Display, seconds: u64) -> String {
    format!("{failure}（{seconds} 秒后自动重试）")
}

pub fn failed_halted(failure: &dyn std::fmt::Display) -> String {
    format!("{failure}。记录仍保存在手机上，不再自动重试；请更新应用或联系管理员后点“立即同步”。")
}

pub fn unsynced_at_logout(waiting: usize) -> String {
    format!("还有 {waiting} 条记录未同步，请联网同步后再退出，以免记录丢失")
}

// The sync bar on every page.
pub const OFFLINE: &str = "离线";
pub const ALL_SYNCED: &str = "全部已同步";
pub const SYNC_NOW: &str = "立即同步";
pub const SYNCING: &str = "同步中…";
pub const SIGN_IN_AGAIN: &str = "重新登录";
pub const CHANGE_PASSWORD: &str = "修改密码";
pub const UPDATE_READY: &str = "新版本已就绪，未同步的记录不会丢失。 ";
pub const UPDATE_NOW: &str = "立即更新";

pub fn waiting_to_sync(count: usize) -> String {
    format!("{count} 条待同步")
}

pub const LAST_SYNC: &str = "上次同步";

pub fn syncing(done: usize, total: usize) -> String {
    format!("同步中 {done}/{total}")
}

// Putting the app on the home screen.
pub const IN_APP_BROWSER: &str = "您正在微信等应用内的浏览器中使用统计网格，离线保存的记录可能被清除。请点右上角“…”，选择“在浏览器中打开”，再添加到主屏幕。";
pub const ADD_TO_HOME_SCREEN: &str = "添加到主屏幕";
pub const ADD_TO_HOME_SCREEN_WHY: &str =
    "添加后像普通应用一样从桌面打开，没有网络也能使用，手机上的记录也更不容易被浏览器清除。";

// 设置与数据.
pub const SETTINGS: &str = "设置与数据";
pub const PERSISTENT_STORAGE: &str = "持久存储";
pub const PERSISTED: &str = "已开启：浏览器不会因空间紧张而清除本机上的记录。";
pub const NOT_PERSISTED: &str = "未开启：手机空间紧张时，浏览器可能清除本机上未同步的记录。请及时同步；把本应用添加到主屏幕后再申请，通常会获准。";
pub const PERSISTENCE_UNKNOWN: &str = "此浏览器不支持查询持久存储。请及时同步。";
pub const ASK_PERSISTENCE: &str = "申请持久存储";
pub const BACKUP: &str = "未同步记录的备份";
pub const BACKUP_WHY: &str = "长时间无法联网或更换手机时，可以把它们导出为文件，在另一台手机上登录同一账号后导入，联网时再同步。";
pub const EXPORT_UNSYNCED: &str = "导出未同步记录";
pub const IMPORT_FILE: &str = "导入记录文件";

pub fn storage_used(used: &str, quota: &str) -> String {
    format!("已用 {used}，可用上限约 {quota}")
}

pub fn unsynced_here(count: usize) -> String {
    format!("本机有 {count} 条记录尚未同步。")
}

pub fn exported(count: usize) -> String {
    format!("已导出 {count} 条未同步记录（含照片）。请妥善保存该文件。")
}

pub fn imported(added: usize, already_here: usize) -> String {
    format!("已导入 {added} 条记录，{already_here} 条手机上已有（同一版本或更新的版本）。")
}

// A record in conflict, and 撤回.
pub const IN_CONFLICT: &str = "有冲突";
pub const KEEP_MINE: &str = "保留我的版本";
pub const TAKE_THEIRS: &str = "采用服务器版本";
pub const EMPTY_VALUE: &str = "（空）";
pub const WITHDRAW: &str = "撤回";
pub const WITHDRAW_SURE: &str = "确定撤回这条记录吗？撤回后乡镇将看不到它，也不能恢复。";

pub fn my_version(version: u32, withdrawn: bool) -> String {
    let withdrawn = if withdrawn { "，撤回" } else { "" };
    format!("我的版本（本手机，第{version}版{withdrawn}）")
}

pub fn their_version(version: u32) -> String {
    format!("服务器上的版本（第{version}版）")
}

// What every record form shares.
pub const RETURNED_BY_SERVER: &str = "服务器退回了这条记录：";
pub const SAVED_PENDING: &str = "已保存（待同步）";

// The phone's storage and records files.
pub const STORAGE_FULL: &str = "手机存储空间不足，记录未保存。请清理空间后重试";
pub const STORAGE_UNOPENED: &str = "无法打开手机上的存储：";
pub const STORAGE_FAILED: &str = "手机存储出错：";
pub const NO_INDEXEDDB: &str = "浏览器不支持 IndexedDB";
pub const PHOTO_BROKEN: &str = "手机上的照片已损坏，请删除后重新添加";
pub const NOT_A_RECORDS_FILE: &str = "这不是统计网格导出的记录文件";
pub const SOMEONE_ELSES_FILE: &str = "这个文件是其他人导出的记录，请用导出它的账号登录后再导入";

pub fn records_file_name(stamp: &str) -> String {
    format!("统计网格-未同步记录-{stamp}.json")
}

pub fn unreadable_record(error: &dyn std::fmt::Display) -> String {
    format!("无法读取的记录：{error}")
}
