//! The Chinese words of adding and showing photos, in one place to review them together.
use crate::domain::photo::{PHOTO_MAX_BYTES, PHOTOS_MAX};

pub const SHRINKING: &str = "正在压缩照片…";
pub const REMOVE: &str = "删除";
pub const PHOTO: &str = "照片";
pub const UNREADABLE: &str = "无法读取这张图片，请换一张";

pub fn picker() -> String {
    format!("照片（可不加，最多{PHOTOS_MAX}张，自动压缩）")
}

pub fn too_many() -> String {
    format!("每条记录最多{PHOTOS_MAX}张照片")
}

pub fn too_large() -> String {
    format!("照片压缩后仍超过 {} KB，请换一张", PHOTO_MAX_BYTES / 1024)
}

/// A photo of a record that was withdrawn.
pub const GONE: &str = "这张照片所在的记录已撤回，照片已不再提供";

pub fn too_fast(per_minute: u64) -> String {
    format!("上传照片过于频繁（每分钟最多 {per_minute} 张），请稍后再同步")
}

pub fn too_many_today(per_day: u64) -> String {
    format!("24 小时内上传的照片已达 {per_day} 张的上限，请稍后再同步")
}

pub fn too_many_kept(kept: u64) -> String {
    format!("您在服务器上的照片已达 {kept} 张的上限，请联系管理员")
}
