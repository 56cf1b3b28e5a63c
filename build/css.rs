//! A small CSS minifier for the build script: comments out, whitespace only where the grammar needs it. Strings,
//! escapes and unquoted `url(…)` are copied as they are, so no rule or value changes (tests/widget.rs compares the
//! browser's reading of both).

/// `css` without comments, without whitespace next to `{ } ; , : >` and brackets, and without the `;` before a `}`.
/// A space stays where it separates tokens: descendant combinators (`.voix :focus-visible`), `and (…)`, `1em + 2px`.
pub fn minify(css: &str) -> String {
    let mut out = String::with_capacity(css.len());
    let mut chars = css.chars().peekable();
    let (mut space, mut comment) = (false, false);
    while let Some(c) = chars.next() {
        if c == '/' && chars.peek() == Some(&'*') {
            chars.next();
            skip_comment(&mut chars);
            comment = true;
            continue;
        }
        if c.is_whitespace() {
            space = true;
            continue;
        }
        let before = out.chars().next_back();
        if space && before.is_some_and(|before| needs_space(before, c)) {
            out.push(' ');
        } else if comment && !space && before.is_some_and(is_word) && is_word(c) {
            // A comment is not whitespace (`.j/**/.k` is one compound selector), but it keeps two words apart.
            out.push_str("/**/");
        }
        (space, comment) = (false, false);
        if c == '}' && out.ends_with(';') {
            out.pop();
        }
        out.push(c);
        match c {
            '"' | '\'' => copy_string(c, &mut chars, &mut out),
            '\\' => out.extend(chars.next()),
            '(' if out.ends_with("url(") && !matches!(chars.peek(), Some('"' | '\'')) => {
                copy_until(')', &mut chars, &mut out)
            }
            _ => {}
        }
    }
    out
}

/// Whether the whitespace between `before` and `next` must stay (as one space).
fn needs_space(before: char, next: char) -> bool {
    !matches!(before, '{' | '}' | ';' | ',' | ':' | '(' | '>') && !matches!(next, '{' | '}' | ';' | ',' | ')' | '>')
}

/// Whether `c` can continue a name or number, so that two of them side by side would merge.
fn is_word(c: char) -> bool {
    c.is_alphanumeric() || matches!(c, '-' | '_' | '%' | '.' | '\\') || !c.is_ascii()
}

fn skip_comment(chars: &mut impl Iterator<Item = char>) {
    let mut star = false;
    for c in chars {
        if star && c == '/' {
            return;
        }
        star = c == '*';
    }
}

/// Copies a quoted string's rest, up to and including the closing `quote`, escapes and all.
fn copy_string(quote: char, chars: &mut impl Iterator<Item = char>, out: &mut String) {
    while let Some(c) = chars.next() {
        out.push(c);
        if c == '\\' {
            out.extend(chars.next());
        } else if c == quote {
            return;
        }
    }
}

/// Copies an unquoted `url(` argument up to and including `end`, as it is (it may hold `/*` or `;`).
fn copy_until(end: char, chars: &mut impl Iterator<Item = char>, out: &mut String) {
    while let Some(c) = chars.next() {
        out.push(c);
        if c == '\\' {
            out.extend(chars.next());
        } else if c == end {
            return;
        }
    }
}
