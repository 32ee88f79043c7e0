//! Printing figures: each a line with its unit, its target, and whether it meets it.
use std::time::Duration;

/// Which way a figure should go to meet its target.
#[derive(Clone, Copy)]
pub enum Goal {
    AtMost(f64),
    AtLeast(f64),
    Info,
}

pub fn figure(name: &str, value: f64, unit: &str, goal: Goal) {
    println!("{}", line(name, value, unit, goal));
}

/// A figure beside its floor: what the same work costs this machine with nothing of StatGrid
/// in it, and the figure over the floor.
pub fn figure_beside(name: &str, value: f64, unit: &str, goal: Goal, floor: f64) {
    let ratio = if floor > 0.0 { value / floor } else { 0.0 };
    println!(
        "{}  [floor {} {unit}; figure/floor {ratio:.2}]",
        line(name, value, unit, goal),
        fmt(floor)
    );
}

fn line(name: &str, value: f64, unit: &str, goal: Goal) -> String {
    let (target, verdict) = match goal {
        Goal::AtMost(t) => (format!("target ≤ {} {unit}", fmt(t)), value <= t),
        Goal::AtLeast(t) => (format!("target ≥ {} {unit}", fmt(t)), value >= t),
        Goal::Info => (String::new(), true),
    };
    let mark = match goal {
        Goal::Info => "",
        _ if verdict => "  ok",
        _ => "  MISS",
    };
    let target = if target.is_empty() {
        String::new()
    } else {
        format!("  ({target})")
    };
    format!("{name:<58} {:>12} {unit}{target}{mark}", fmt(value))
}

fn fmt(v: f64) -> String {
    if v >= 100.0 || v.fract() == 0.0 {
        format!("{v:.0}")
    } else {
        format!("{v:.2}")
    }
}

/// Median and 99th percentile of a sample, in milliseconds.
pub fn median_p99(samples: &mut [Duration]) -> (f64, f64) {
    samples.sort();
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    if samples.is_empty() {
        return (0.0, 0.0);
    }
    let median = ms(samples[samples.len() / 2]);
    let p99_index = ((samples.len() as f64) * 0.99).ceil() as usize;
    let p99 = ms(samples[p99_index.clamp(1, samples.len()) - 1]);
    (median, p99)
}

pub fn section(title: &str) {
    println!("\n== {title} ==");
}
