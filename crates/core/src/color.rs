//! Colours in campaign themes: parsing `#rgb`/`#rrggbb` and WCAG contrast.

/// An sRGB colour.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Rgb(pub u8, pub u8, pub u8);

impl Rgb {
    pub const WHITE: Rgb = Rgb(255, 255, 255);

    /// Reads `#rgb` or `#rrggbb` (case-insensitive).
    pub fn parse_hex(text: &str) -> Option<Rgb> {
        let hex = text.strip_prefix('#')?;
        if !hex.chars().all(|c| c.is_ascii_hexdigit()) {
            return None;
        }
        let channel = |s: &str| u8::from_str_radix(s, 16).ok();
        match hex.len() {
            3 => {
                let d: Vec<u8> = hex.chars().filter_map(|c| c.to_digit(16)).map(|d| (d * 17) as u8).collect();
                Some(Rgb(d[0], d[1], d[2]))
            }
            6 => Some(Rgb(channel(&hex[0..2])?, channel(&hex[2..4])?, channel(&hex[4..6])?)),
            _ => None,
        }
    }

    /// `#rrggbb`, lower case: the form that is safe to write into CSS.
    pub fn to_hex(self) -> String {
        format!("#{:02x}{:02x}{:02x}", self.0, self.1, self.2)
    }

    /// Relative luminance as WCAG 2 defines it.
    pub fn luminance(self) -> f64 {
        let linear = |c: u8| {
            let c = f64::from(c) / 255.0;
            if c <= 0.04045 {
                c / 12.92
            } else {
                ((c + 0.055) / 1.055).powf(2.4)
            }
        };
        0.2126 * linear(self.0) + 0.7152 * linear(self.1) + 0.0722 * linear(self.2)
    }

    /// WCAG contrast ratio between two colours, from 1 to 21.
    pub fn contrast(self, other: Rgb) -> f64 {
        let (a, b) = (self.luminance(), other.luminance());
        let (light, dark) = if a > b { (a, b) } else { (b, a) };
        (light + 0.05) / (dark + 0.05)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_short_and_long_forms() {
        assert_eq!(Rgb::parse_hex("#fff"), Some(Rgb::WHITE));
        assert_eq!(Rgb::parse_hex("#1D4ED8"), Some(Rgb(0x1d, 0x4e, 0xd8)));
        assert_eq!(Rgb::parse_hex("1d4ed8"), None);
        assert_eq!(Rgb::parse_hex("#12345"), None);
        assert_eq!(Rgb::parse_hex("#ggg"), None);
        assert_eq!(Rgb::parse_hex("#é1é"), None);
    }

    #[test]
    fn contrast_matches_known_values() {
        assert!((Rgb(0, 0, 0).contrast(Rgb::WHITE) - 21.0).abs() < 1e-9);
        // #767676 on white is the classic 4.54:1 AA threshold grey.
        let grey = Rgb(0x76, 0x76, 0x76).contrast(Rgb::WHITE);
        assert!((grey - 4.54).abs() < 0.01, "{grey}");
    }
}

#[cfg(test)]
mod theme_tests {
    use crate::campaign::Theme;

    #[test]
    fn theme_css_only_carries_a_parsed_colour() {
        let theme = |accent: &str| Theme { accent: Some(accent.into()), ..Theme::default() };
        assert_eq!(theme("#1D4ED8").host_css(), ":host{--voix-campaign-accent:#1d4ed8}");
        assert_eq!(theme("#000;}body{display:none").host_css(), "");
        assert_eq!(Theme::default().host_css(), "");
    }
}
