//! The status page's words.
pub const TITLE: &str = "运行状态";
pub const SERVER: &str = "服务器";
pub const VERSION: &str = "版本";
pub const DATABASE: &str = "数据库";
pub const DATABASE_SIZE: &str = "数据库大小";
pub const MIGRATIONS: &str = "数据库迁移";
pub const LAST_BACKUP: &str = "最近一次备份";
pub const NO_BACKUP: &str = "尚无备份记录：请按部署说明设置定时备份（STATGRID_BACKUP_DIR）";
pub const TODAY: &str = "今日收到（北京时间零点起，新增或修改）";
pub const PHOTOS: &str = "照片";
pub const NAME: &str = "姓名";
pub const PHONE: &str = "手机号";
pub const GRIDS: &str = "所在网格";
pub const DEVICE: &str = "设备";
pub const LAST_SEEN: &str = "最后联网同步";
pub const NONE_SILENT: &str = "没有超过期限未同步的手机。";
pub const UNKNOWN_DEVICE: &str = "未识别";

pub fn migrations(count: usize, latest: &str) -> String {
    format!("已应用 {count} 项，最新：{latest}")
}

pub fn backup(at: &str, file: &str, size: &str) -> String {
    format!("{at}　{file}（{size}）")
}

pub fn silent_heading(days: u32) -> String {
    format!("超过 {days} 天未联网同步的手机")
}

pub fn silent_hint(days: u32) -> String {
    format!(
        "这些手机上可能有尚未上传的记录，请联系本人打开统计网格联网同步。{days} 天为本地设置（STATGRID_STALE_PHONE_DAYS），不是文件规定。"
    )
}

pub fn silent_more(shown: usize, total: u64) -> String {
    format!("仅列出最久未同步的 {shown} 部，共 {total} 部。")
}

/// A size in bytes as people read it.
pub fn size(bytes: i64) -> String {
    const KIB: f64 = 1024.0;
    let b = bytes as f64;
    if b < KIB {
        format!("{bytes} B")
    } else if b < KIB * KIB {
        format!("{:.1} KB", b / KIB)
    } else if b < KIB * KIB * KIB {
        format!("{:.1} MB", b / KIB / KIB)
    } else {
        format!("{:.2} GB", b / KIB / KIB / KIB)
    }
}

#[cfg(test)]
mod tests {
    use super::size;

    #[test]
    fn sizes_read_in_the_unit_that_fits() {
        assert_eq!(size(512), "512 B");
        assert_eq!(size(1536), "1.5 KB");
        assert_eq!(size(987_136), "964.0 KB");
        assert_eq!(size(5 * 1024 * 1024), "5.0 MB");
        assert_eq!(size(3 * 1024 * 1024 * 1024), "3.00 GB");
    }
}
