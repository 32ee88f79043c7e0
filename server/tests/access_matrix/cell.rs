//! One cell's request (a role's session aimed at a grid), what a row is made of, and what an
//! answer is judged to be.
use super::rule::{Cap, Grid};
use super::world::{self, Answer, Session, World};
use serde_json::Value;
use std::future::Future;
use std::pin::Pin;

/// One cell's request: a role's session aimed at a grid.
pub struct Target<'t> {
    pub world: &'t World<'t>,
    pub session: &'t Session,
    /// The grid the request is about: the relation's grid, or one in it (see [`Subject`]).
    pub subject: &'t Grid,
}

/// Which grid a row's request is about.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Subject {
    /// The relation's grid itself (a scope, a directory entry).
    Grid,
    /// An enterprise grid of the relation (records, reports and photos live only there): the
    /// grid itself, or the first enterprise grid below it; a parent holds none of its own.
    Enterprise,
    /// None: the answer does not depend on a grid.
    Any,
}

pub type Fut<'t> = Pin<Box<dyn Future<Output = Answer> + 't>>;

pub enum Call {
    /// `POST` the row's path with this JSON body (server functions).
    Json(fn(&Target) -> Value),
    /// `POST` a push of this one record.
    Push(fn(&Target) -> Value),
    /// `GET` this path and query.
    Get(fn(&Target) -> String),
    /// `GET` the row's path (pages).
    Page,
    /// Anything else.
    Custom(for<'t> fn(&'t Target<'t>) -> Fut<'t>),
}

#[derive(Debug, PartialEq, Eq)]
pub enum Verdict {
    Allowed,
    Refused,
    Unclear(String),
}

pub type Judge = fn(&Answer, &Target) -> Verdict;

pub struct Row {
    pub method: &'static str,
    /// As the router holds it: `/api/<endpoint>` for a server function, axum's `{param}`.
    pub path: &'static str,
    pub what: &'static str,
    pub cap: Cap,
    pub subject: Subject,
    pub judge: Judge,
    pub call: Call,
}

impl Target<'_> {
    pub async fn get(&self, path: &str) -> Answer {
        let request = self.session.client.get(self.world.app.url(path));
        world::send(request).await
    }

    pub async fn post(&self, path: &str, body: Value) -> Answer {
        let request = self
            .session
            .client
            .post(self.world.app.url(path))
            .json(&body);
        world::send(request).await
    }
}
