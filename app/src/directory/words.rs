//! The Chinese words of the grid and member pickers, in one place to review them together.

pub const GRID: &str = "网格";
pub const MEMBERS_AFTER_SYNC: &str = "联网同步后可选择网格成员。";
pub const FIND_BY_NAME: &str = "按姓名查找";
pub const TICK_SHOWN: &str = "全选所列人员";

/// A member as the picker lists them, with their role.
pub fn member(name: &str, role: &str) -> String {
    format!("{name}（{role}）")
}
