//! A device's name for the list of one's sessions, from the browser's `User-Agent`: the system
//! and the browser, e.g. "Android · Chrome" or "iPhone · 微信". Only what a person needs to
//! recognise their own phone or computer; unknown parts are left out.

/// Systems, most specific first (an iPad's agent also says "Mac OS X", HarmonyOS's "Android").
const SYSTEMS: &[(&str, &str)] = &[
    ("HarmonyOS", "HarmonyOS"),
    ("OpenHarmony", "HarmonyOS"),
    ("iPhone", "iPhone"),
    ("iPad", "iPad"),
    ("Android", "Android"),
    ("Windows", "Windows"),
    ("Mac OS X", "macOS"),
    ("CrOS", "ChromeOS"),
    ("Linux", "Linux"),
];

/// Browsers, most specific first (most agents also say "Chrome" and "Safari").
const BROWSERS: &[(&str, &str)] = &[
    ("MicroMessenger", "微信"),
    ("DingTalk", "钉钉"),
    ("Edg", "Edge"),
    ("OPR/", "Opera"),
    ("HuaweiBrowser", "华为浏览器"),
    ("MiuiBrowser", "小米浏览器"),
    ("UCBrowser", "UC"),
    ("QQBrowser", "QQ浏览器"),
    ("Quark", "夸克"),
    ("Firefox", "Firefox"),
    ("FxiOS", "Firefox"),
    ("CriOS", "Chrome"),
    ("Chrome", "Chrome"),
    ("Safari", "Safari"),
];

/// "system · browser", either part alone, or `None` when neither is recognised.
pub fn label(user_agent: &str) -> Option<String> {
    let find = |table: &[(&str, &'static str)]| {
        table
            .iter()
            .find(|(marker, _)| user_agent.contains(marker))
            .map(|(_, name)| *name)
    };
    match (find(SYSTEMS), find(BROWSERS)) {
        (Some(system), Some(browser)) => Some(format!("{system} · {browser}")),
        (Some(one), None) | (None, Some(one)) => Some(one.to_owned()),
        (None, None) => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn names_common_phones_and_computers() {
        for (agent, expected) in [
            (
                "Mozilla/5.0 (Linux; Android 13; V2227A) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Mobile Safari/537.36",
                "Android · Chrome",
            ),
            (
                "Mozilla/5.0 (iPhone; CPU iPhone OS 17_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 MicroMessenger/8.0.44",
                "iPhone · 微信",
            ),
            (
                "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36 Edg/120.0.0.0",
                "Windows · Edge",
            ),
            (
                "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_1) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.1 Safari/605.1.15",
                "macOS · Safari",
            ),
            (
                "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/120.0.0.0 Safari/537.36",
                "Linux · Chrome",
            ),
        ] {
            assert_eq!(label(agent).as_deref(), Some(expected), "{agent}");
        }
    }

    #[test]
    fn an_unknown_agent_has_no_name() {
        assert_eq!(label("curl/8.5.0"), None);
        assert_eq!(label(""), None);
    }

    proptest! {
        #[test]
        fn a_name_is_short_whatever_the_agent_says(agent in ".{0,400}") {
            if let Some(name) = label(&agent) {
                prop_assert!(name.chars().count() <= 24);
            }
        }
    }
}
