//! HTTP plumbing shared by the routes: what a request says about its reader (`extract`). The routes themselves
//! live with their resource (petition, mail, organiser).

pub mod cors;
pub mod extract;
