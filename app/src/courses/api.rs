//! Courses as the phone reads them (`GET COURSES_PATH`) and as the township view shows them
//! (server functions).
use crate::domain::course::CourseDraft;
use crate::error::AppError;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// The courses put up for the person, newest first.
pub const COURSES_PATH: &str = "/api/v1/courses";

/// A course as the people it was put up for see it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Course {
    pub id: i32,
    /// The unit that put it up, e.g. 市统计局: the organiser of the training it becomes.
    pub unit: String,
    pub title: String,
    /// A training-plan subject code.
    pub topic: String,
    pub hours: u32,
    /// Empty when the description is the lesson.
    pub link: String,
    pub body: String,
    /// `YYYY-MM-DD`.
    pub posted_on: String,
}

/// A unit's courses as the township view shows them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct UnitCourses {
    pub grid_id: i32,
    pub unit: String,
    /// Whether the viewer may put up and take down the unit's courses.
    pub may_post: bool,
    /// Newest first, each with how many of the unit's people recorded studying it.
    pub courses: Vec<(Course, usize)>,
}

/// The courses of unit `grid_id` (a level-2 unit or the city); `None` for any other grid.
#[server(endpoint = "unit_courses", input = leptos::server_fn::codec::Json, output = crate::server_codec::JsonText)]
pub async fn load_unit_courses(grid_id: i32) -> Result<Option<UnitCourses>, AppError> {
    crate::error::respond(
        async {
            let (viewer, state) = crate::auth::ssr::Viewer::current().await?;
            super::ssr::unit_courses(&state.db, &viewer, grid_id).await
        }
        .await,
    )
}

/// Puts a course up for the grids of unit `grid_id`.
#[server(endpoint = "course_post", input = leptos::server_fn::codec::Json, output = crate::server_codec::JsonText)]
pub async fn post_course(grid_id: i32, course: CourseDraft) -> Result<UnitCourses, AppError> {
    crate::error::respond(
        async {
            let (viewer, state) = crate::auth::ssr::Viewer::current().await?;
            super::ssr::post(&state.db, &viewer, grid_id, &course).await
        }
        .await,
    )
}

/// Takes course `id` down; the trainings recorded from it stay.
#[server(endpoint = "course_remove", input = leptos::server_fn::codec::Json, output = crate::server_codec::JsonText)]
pub async fn remove_course(grid_id: i32, id: i32) -> Result<UnitCourses, AppError> {
    crate::error::respond(
        async {
            let (viewer, state) = crate::auth::ssr::Viewer::current().await?;
            super::ssr::remove(&state.db, &viewer, grid_id, id).await
        }
        .await,
    )
}
