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
