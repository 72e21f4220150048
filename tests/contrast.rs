//! Every colour pair of the stylesheet read at 4.5:1 or more (3:1 for large
//! text) in both themes, computed from `style/main.css` itself: its custom
//! properties per theme, each rule's text colour against its own background,
//! or against every background text sits on when it has none, with its opacity.

use std::collections::BTreeMap;

/// An sRGB colour with its alpha, each from 0 to 1.
#[derive(Clone, Copy, Debug, PartialEq)]
struct Rgba([f64; 4]);

impl Rgba {
    /// `self` painted over the opaque `under`, in 8-bit channels as browsers paint.
    fn over(self, under: Rgba) -> Rgba {
        let a = self.0[3];
        let mix = |i: usize| ((self.0[i] * a + under.0[i] * (1.0 - a)) * 255.0).round() / 255.0;
        Rgba([mix(0), mix(1), mix(2), 1.0])
    }

    fn with_alpha(self, alpha: f64) -> Rgba {
        Rgba([self.0[0], self.0[1], self.0[2], self.0[3] * alpha])
    }

    /// WCAG 2.1 relative luminance.
    fn luminance(self) -> f64 {
        let channel = |c: f64| {
            if c <= 0.04045 {
                c / 12.92
            } else {
                ((c + 0.055) / 1.055).powf(2.4)
            }
        };
        0.2126 * channel(self.0[0]) + 0.7152 * channel(self.0[1]) + 0.0722 * channel(self.0[2])
    }
}

/// WCAG 2.1 contrast ratio of two opaque colours (1 to 21).
fn ratio(a: Rgba, b: Rgba) -> f64 {
    let (la, lb) = (a.luminance(), b.luminance());
    (la.max(lb) + 0.05) / (la.min(lb) + 0.05)
}

/// A colour as the stylesheet writes it: `#rgb`, `#rrggbb`, `rgb(r g b / a)`,
/// `color-mix(in srgb, X p%, transparent)`, `transparent`, `var(--x)`.
fn colour(value: &str, vars: &BTreeMap<String, String>) -> Option<Rgba> {
    let value = value.trim().trim_end_matches("!important").trim();
    if let Some(name) = value.strip_prefix("var(").and_then(|v| v.strip_suffix(')')) {
        return colour(vars.get(name.trim())?, vars);
    }
    if value == "transparent" {
        return Some(Rgba([0.0, 0.0, 0.0, 0.0]));
    }
    if let Some(hex) = value.strip_prefix('#') {
        let digits: Vec<f64> = match hex.len() {
            3 => hex
                .chars()
                .map(|c| c.to_digit(16).map(|d| f64::from(d * 17)))
                .collect::<Option<_>>()?,
            6 => (0..3)
                .map(|i| u8::from_str_radix(&hex[2 * i..2 * i + 2], 16).ok().map(f64::from))
                .collect::<Option<_>>()?,
            _ => return None,
        };
        return Some(Rgba([digits[0] / 255.0, digits[1] / 255.0, digits[2] / 255.0, 1.0]));
    }
    if let Some(args) = value.strip_prefix("rgb(").and_then(|v| v.strip_suffix(')')) {
        let (rgb, alpha) = args.split_once('/').unwrap_or((args, "1"));
        let c: Vec<f64> = rgb.split_whitespace().map(|n| n.parse().ok()).collect::<Option<_>>()?;
        let alpha = alpha.trim();
        let alpha = match alpha.strip_suffix('%') {
            Some(p) => p.parse::<f64>().ok()? / 100.0,
            None => alpha.parse().ok()?,
        };
        return Some(Rgba([c[0] / 255.0, c[1] / 255.0, c[2] / 255.0, alpha]));
    }
    if let Some(args) = value
        .strip_prefix("color-mix(in srgb,")
        .and_then(|v| v.strip_suffix(')'))
    {
        let (first, second) = args.rsplit_once(',')?;
        let (x, percent) = first.trim().rsplit_once(' ')?;
        let p: f64 = percent.trim_end_matches('%').parse().ok()?;
        (second.trim() == "transparent").then_some(())?;
        return Some(colour(x, vars)?.with_alpha(p / 100.0));
    }
    None
}

/// One rule of the stylesheet: its selector and declarations.
struct Rule {
    selector: String,
    declarations: BTreeMap<String, String>,
}

/// The rules of `css`, outside `@media print` and `@keyframes`; rules in
/// other `@media` blocks are read like the others (and named by their block).
fn rules(css: &str) -> Vec<Rule> {
    let mut css = css.to_string();
    while let Some(start) = css.find("/*") {
        let end = css[start..].find("*/").map_or(css.len(), |e| start + e + 2);
        css.replace_range(start..end, "");
    }
    let mut out = Vec::new();
    let mut stack: Vec<String> = Vec::new();
    let mut text = String::new();
    for c in css.chars() {
        match c {
            '{' => {
                stack.push(text.trim().to_string());
                text.clear();
            }
            '}' => {
                let selector = stack.pop().unwrap_or_default();
                let skipped = stack
                    .iter()
                    .any(|s| s.starts_with("@media print") || s.starts_with("@keyframes"));
                if !text.trim().is_empty() && !skipped && !selector.starts_with('@') {
                    let declarations = text
                        .split(';')
                        .filter_map(|d| d.split_once(':'))
                        .map(|(k, v)| (k.trim().to_string(), v.trim().to_string()))
                        .collect();
                    let selector = match stack.last() {
                        Some(block) => format!("{block} {selector}"),
                        None => selector,
                    };
                    out.push(Rule { selector, declarations });
                }
                text.clear();
            }
            _ => text.push(c),
        }
    }
    out
}

/// The custom properties of each theme: `:root`'s, then the dark theme's over them.
fn themes(rules: &[Rule]) -> Vec<(&'static str, BTreeMap<String, String>)> {
    let vars = |selector: &str| -> BTreeMap<String, String> {
        let rule = rules
            .iter()
            .find(|r| r.selector == selector)
            .unwrap_or_else(|| panic!("no `{selector}` rule in style/main.css"));
        rule.declarations
            .iter()
            .filter(|(k, _)| k.starts_with("--"))
            .map(|(k, v)| (k.clone(), v.clone()))
            .collect()
    };
    let light = vars(":root");
    let mut dark = light.clone();
    dark.extend(vars(":root[data-theme=\"dark\"]"));
    // The system's dark preference gives the same colours as the toggle's.
    let mut system = light.clone();
    system.extend(vars(
        "@media (prefers-color-scheme: dark) :root:not([data-theme=\"light\"])",
    ));
    assert_eq!(system, dark, "the two dark themes of style/main.css differ");
    vec![("light", light), ("dark", dark)]
}

/// The rule giving a rule's colours when it sets none (`.chip .count` → `.chip`).
fn parent<'r>(rules: &'r [Rule], rule: &Rule) -> Option<&'r Rule> {
    let first = rule.selector.split_whitespace().next()?;
    rules
        .iter()
        .find(|r| r.selector == first && r.declarations.contains_key("color"))
}

/// The component a rule's element sits in: the longest other selector with a
/// background that starts its own (`.lightbox` for `.lightbox a`, `.lightbox-count`).
fn component<'r>(rules: &'r [Rule], rule: &Rule) -> Option<&'r Rule> {
    rules
        .iter()
        .filter(|r| r.selector != rule.selector && rule.selector.starts_with(&r.selector))
        .filter(|r| r.declarations.contains_key("background"))
        .max_by_key(|r| r.selector.len())
}

/// Every pair below its threshold in `theme`: `selector: ratio`.
fn failures(rules: &[Rule], vars: &BTreeMap<String, String>) -> Vec<String> {
    let page = colour("var(--bg)", vars).unwrap();
    // Where text without a background of its own sits: the page, cards, tinted boxes.
    let grounds: Vec<Rgba> = ["var(--bg)", "var(--surface)", "var(--accent-soft)"]
        .iter()
        .map(|v| colour(v, vars).unwrap())
        .collect();
    let mut out = Vec::new();
    for rule in rules {
        let d = &rule.declarations;
        let own = d
            .get("color")
            .map(|_| rule)
            .or_else(|| d.get("opacity").and_then(|_| parent(rules, rule)));
        let Some(Some(text)) = own.map(|r| colour(&r.declarations["color"], vars)) else {
            continue;
        };
        // Its own background, painted over its component's (`.lightbox a` in `.lightbox`).
        let painted = |r: &Rule| {
            let b = r
                .declarations
                .get("background")
                .or(r.declarations.get("background-color"))?;
            colour(b, vars).filter(|b| b.0[3] > 0.0)
        };
        let written = own
            .into_iter()
            .chain([rule])
            .find(|r| r.declarations.contains_key("background") || r.declarations.contains_key("background-color"));
        let layers: Vec<Rgba> = match written {
            // `background: transparent`: on whatever is under it.
            Some(r) => match painted(r) {
                Some(b) => [Some(b), component(rules, rule).and_then(painted)]
                    .into_iter()
                    .flatten()
                    .collect(),
                None => Vec::new(),
            },
            None => component(rules, rule).and_then(painted).into_iter().collect(),
        };
        let background = (!layers.is_empty()).then(|| layers.iter().rev().fold(page, |under, b| b.over(under)));
        let opacity: f64 = d.get("opacity").and_then(|o| o.parse().ok()).unwrap_or(1.0);
        let large = d.get("font-size").is_some_and(|s| {
            s.strip_suffix("rem")
                .and_then(|n| n.parse::<f64>().ok())
                .is_some_and(|n| n >= 1.5)
        });
        let needed = if large { 3.0 } else { 4.5 };
        let on: Vec<Rgba> = match background {
            Some(b) => vec![b],
            None => grounds.clone(),
        };
        for ground in on {
            let r = ratio(text.with_alpha(opacity).over(ground), ground);
            if r < needed {
                out.push(format!("`{}`: {r:.2}:1 (needs {needed}:1)", rule.selector));
            }
        }
    }
    out
}

#[test]
fn the_contrast_ratio_is_wcags() {
    let c = |v: &str| colour(v, &BTreeMap::new()).unwrap();
    assert!((ratio(c("#000"), c("#fff")) - 21.0).abs() < 1e-9);
    assert!((ratio(c("#777777"), c("#ffffff")) - 4.48).abs() < 0.005);
    assert!((ratio(c("#fff"), c("#fff")) - 1.0).abs() < 1e-9);
    // The tag count badge before this check: the accent at 80% on its tint.
    let count = c("#0b5cad").with_alpha(0.8).over(c("#e6f0fa"));
    assert_eq!(count, c("#377abc"));
    assert!(
        (ratio(count, c("#e6f0fa")) - 3.89).abs() < 0.01,
        "{}",
        ratio(count, c("#e6f0fa"))
    );
    assert_eq!(c("rgb(0 0 0 / 50%)").over(c("#fff")), c("#808080"));
}

#[test]
fn every_colour_pair_of_the_stylesheet_is_readable_in_both_themes() {
    let css = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/style/main.css")).unwrap();
    let rules = rules(&css);
    let with_colour = rules.iter().filter(|r| r.declarations.contains_key("color")).count();
    assert!(with_colour > 20, "only {with_colour} rules with a colour read");
    let mut all = Vec::new();
    for (theme, vars) in themes(&rules) {
        all.extend(failures(&rules, &vars).into_iter().map(|f| format!("{theme}: {f}")));
    }
    assert!(all.is_empty(), "colour pairs below WCAG AA:\n{}", all.join("\n"));
}
