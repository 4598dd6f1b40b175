//! `WWW-Authenticate` header parsing (RFC 7235 §4.1, with the leniency real
//! registries need).
//!
//! ```text
//! WWW-Authenticate = 1#challenge
//! challenge        = auth-scheme [ 1*SP ( token68 / #auth-param ) ]
//! auth-param       = token BWS "=" BWS ( token / quoted-string )
//! ```
//!
//! One header line may hold several challenges separated by commas, which are
//! also the separators between parameters: a comma followed by `name=` goes on
//! the current challenge, a comma followed by anything else starts a new one.
//! Quoted strings may hold commas, `=` and backslash escapes. A token68 (as in
//! `Negotiate abc==`) is kept as the parameter with the empty name. Unquoted
//! values are read up to the next comma or whitespace, so sloppy servers that
//! send `realm=https://host/token` still work. Garbage never panics: whatever
//! cannot be understood is skipped up to the next comma.

use std::collections::BTreeMap;

/// One authentication challenge.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Challenge {
    /// The scheme, lowercased (`basic`, `bearer`, ...).
    pub scheme: String,
    /// Parameters with lowercased names. A token68 is stored under `""`.
    pub params: BTreeMap<String, String>,
}

impl Challenge {
    /// A parameter by name (case-insensitive).
    pub fn param(&self, name: &str) -> Option<&str> {
        match self.params.get(name) {
            Some(v) => Some(v.as_str()),
            None => self
                .params
                .get(&name.to_ascii_lowercase())
                .map(String::as_str),
        }
    }

    /// `realm`: for Bearer, the token endpoint.
    pub fn realm(&self) -> Option<&str> {
        self.param("realm")
    }

    /// `service`: passed back to the token endpoint.
    pub fn service(&self) -> Option<&str> {
        self.param("service")
    }

    /// `scope`: the scope(s) the registry wants, space separated.
    pub fn scope(&self) -> Option<&str> {
        self.param("scope")
    }

    /// The token68 form (`Negotiate abc==`), if the challenge used it.
    pub fn token68(&self) -> Option<&str> {
        self.param("")
    }

    /// Whether the scheme is `scheme` (case-insensitive).
    pub fn is(&self, scheme: &str) -> bool {
        self.scheme.eq_ignore_ascii_case(scheme)
    }
}

/// Parse one `WWW-Authenticate` header value into its challenges.
pub fn parse(header: &str) -> Vec<Challenge> {
    let mut c = Cursor::new(header);
    let mut out = Vec::new();
    loop {
        c.skip_ws_and_commas();
        if c.eof() {
            break;
        }
        let scheme = c.take_while(is_tchar);
        if scheme.is_empty() || !matches!(c.peek(), None | Some(',')) && !c.at_ws() {
            // Not a scheme (or a scheme glued to junk): skip this item.
            c.skip_item();
            continue;
        }
        let mut challenge = Challenge {
            scheme: scheme.to_ascii_lowercase(),
            params: BTreeMap::new(),
        };
        parse_params(&mut c, &mut challenge);
        out.push(challenge);
    }
    out
}

/// Parse several `WWW-Authenticate` header lines (a response may send more
/// than one); the challenges come back in order.
pub fn parse_all<'a>(headers: impl IntoIterator<Item = &'a str>) -> Vec<Challenge> {
    headers.into_iter().flat_map(parse).collect()
}

fn parse_params(c: &mut Cursor, ch: &mut Challenge) {
    let mut first = true;
    loop {
        c.skip_ws();
        match c.peek() {
            None => return,
            Some(',') => {
                // Either the next parameter of this challenge or a new challenge.
                let before_comma = c.pos;
                c.skip_ws_and_commas();
                if c.eof() {
                    return;
                }
                let mark = c.pos;
                let name = c.take_while(is_tchar);
                c.skip_ws();
                let is_param =
                    !name.is_empty() && c.peek() == Some('=') && c.peek_at(1) != Some('=');
                if !is_param {
                    c.pos = before_comma;
                    return;
                }
                c.pos = mark;
            }
            Some(_) => {}
        }
        match parse_item(c) {
            Item::Param(name, value) => {
                ch.params.entry(name).or_insert(value);
            }
            Item::Token68(t) if first => {
                ch.params.entry(String::new()).or_insert(t);
            }
            Item::Token68(_) | Item::Garbage => {}
        }
        first = false;
    }
}

enum Item {
    Param(String, String),
    Token68(String),
    Garbage,
}

/// Parse `name=value` or a token68 at the cursor. Always consumes at least
/// one character (the cursor is at neither whitespace, a comma nor the end).
fn parse_item(c: &mut Cursor) -> Item {
    let run = c.take_while(|ch| is_tchar(ch) || ch == '/');
    if run.is_empty() {
        c.skip_item();
        return Item::Garbage;
    }
    let after_run = c.pos;
    c.skip_ws();
    if c.peek() == Some('=') {
        let eq_start = c.pos;
        let eqs = c.take_while(|ch| ch == '=').len();
        if eqs == 1 {
            c.skip_ws();
            if let Some(next) = c.peek() {
                if next != ',' && !c.at_ws() {
                    let value = c.value();
                    return if run.chars().all(is_tchar) {
                        Item::Param(run.to_ascii_lowercase(), value)
                    } else {
                        Item::Garbage
                    };
                }
            }
        }
        // token68 with `=` padding.
        c.pos = eq_start + eqs;
        return Item::Token68(run + &"=".repeat(eqs));
    }
    c.pos = after_run;
    Item::Token68(run)
}

/// RFC 7230 `tchar`.
fn is_tchar(ch: char) -> bool {
    ch.is_ascii_alphanumeric() || "!#$%&'*+-.^_`|~".contains(ch)
}

struct Cursor {
    s: Vec<char>,
    pos: usize,
}

impl Cursor {
    fn new(s: &str) -> Self {
        Cursor {
            s: s.chars().collect(),
            pos: 0,
        }
    }

    fn eof(&self) -> bool {
        self.pos >= self.s.len()
    }

    fn peek(&self) -> Option<char> {
        self.s.get(self.pos).copied()
    }

    fn peek_at(&self, n: usize) -> Option<char> {
        self.s.get(self.pos + n).copied()
    }

    fn at_ws(&self) -> bool {
        self.peek().is_some_and(char::is_whitespace)
    }

    fn skip_ws(&mut self) {
        while self.at_ws() {
            self.pos += 1;
        }
    }

    fn skip_ws_and_commas(&mut self) {
        while self
            .peek()
            .is_some_and(|ch| ch == ',' || ch.is_whitespace())
        {
            self.pos += 1;
        }
    }

    fn take_while(&mut self, f: impl Fn(char) -> bool) -> String {
        let start = self.pos;
        while self.peek().is_some_and(&f) {
            self.pos += 1;
        }
        self.s[start..self.pos].iter().collect()
    }

    /// Skip to the next comma that is not inside a quoted string.
    fn skip_item(&mut self) {
        let mut quoted = false;
        while let Some(ch) = self.peek() {
            match ch {
                ',' if !quoted => return,
                '"' => quoted = !quoted,
                '\\' if quoted => self.pos += 1,
                _ => {}
            }
            self.pos += 1;
        }
        self.pos = self.pos.min(self.s.len());
    }

    /// A quoted string (unescaped) or an unquoted value.
    fn value(&mut self) -> String {
        if self.peek() != Some('"') {
            return self.take_while(|ch| ch != ',' && !ch.is_whitespace());
        }
        self.pos += 1;
        let mut v = String::new();
        while let Some(ch) = self.peek() {
            self.pos += 1;
            match ch {
                '"' => return v,
                '\\' => {
                    if let Some(escaped) = self.peek() {
                        v.push(escaped);
                        self.pos += 1;
                    }
                }
                _ => v.push(ch),
            }
        }
        v // unterminated: take the rest
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn one(header: &str) -> Challenge {
        let mut v = parse(header);
        assert_eq!(v.len(), 1, "{header:?} -> {v:?}");
        v.remove(0)
    }

    fn params(pairs: &[(&str, &str)]) -> BTreeMap<String, String> {
        pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect()
    }

    #[test]
    fn docker_hub() {
        let c = one(
            r#"Bearer realm="https://auth.docker.io/token",service="registry.docker.io",scope="repository:library/ubuntu:pull""#,
        );
        assert_eq!(c.scheme, "bearer");
        assert!(c.is("Bearer"));
        assert_eq!(c.realm(), Some("https://auth.docker.io/token"));
        assert_eq!(c.service(), Some("registry.docker.io"));
        assert_eq!(c.scope(), Some("repository:library/ubuntu:pull"));
        assert_eq!(c.params.len(), 3);
    }

    #[test]
    fn ghcr() {
        let c = one(
            r#"Bearer realm="https://ghcr.io/token",service="ghcr.io",scope="repository:user/image:pull""#,
        );
        assert_eq!(c.realm(), Some("https://ghcr.io/token"));
        assert_eq!(c.service(), Some("ghcr.io"));
        assert_eq!(c.scope(), Some("repository:user/image:pull"));
    }

    #[test]
    fn ecr_basic() {
        let c = one(
            r#"Basic realm="https://123456789012.dkr.ecr.us-east-1.amazonaws.com/",service="ecr.amazonaws.com""#,
        );
        assert_eq!(c.scheme, "basic");
        assert_eq!(
            c.realm(),
            Some("https://123456789012.dkr.ecr.us-east-1.amazonaws.com/")
        );
        assert_eq!(c.service(), Some("ecr.amazonaws.com"));
        assert_eq!(c.scope(), None);
    }

    #[test]
    fn harbor_push_pull_scope_with_comma() {
        let c = one(
            r#"Bearer realm="https://harbor.example.com/service/token",service="harbor-registry",scope="repository:library/nginx:pull,push""#,
        );
        assert_eq!(c.realm(), Some("https://harbor.example.com/service/token"));
        assert_eq!(c.service(), Some("harbor-registry"));
        assert_eq!(c.scope(), Some("repository:library/nginx:pull,push"));
    }

    #[test]
    fn acr() {
        let c = one(
            r#"Bearer realm="https://myregistry.azurecr.io/oauth2/token",service="myregistry.azurecr.io",scope="repository:samples/hello-world:metadata_read""#,
        );
        assert_eq!(
            c.realm(),
            Some("https://myregistry.azurecr.io/oauth2/token")
        );
        assert_eq!(c.service(), Some("myregistry.azurecr.io"));
        assert_eq!(
            c.scope(),
            Some("repository:samples/hello-world:metadata_read")
        );
    }

    #[test]
    fn several_scopes_and_error_params() {
        let c = one(
            r#"Bearer realm="https://auth.example/token",service="reg",scope="repository:a/b:pull repository:c/d:pull,push",error="insufficient_scope""#,
        );
        assert_eq!(
            c.scope(),
            Some("repository:a/b:pull repository:c/d:pull,push")
        );
        assert_eq!(c.param("error"), Some("insufficient_scope"));
        assert_eq!(c.param("ERROR"), Some("insufficient_scope"));
    }

    #[test]
    fn quoted_escapes_and_equals() {
        let c = one(r#"Bearer realm="a\"b\\c",scope="x=y,z=w",service="s\,t""#);
        assert_eq!(c.realm(), Some(r#"a"b\c"#));
        assert_eq!(c.scope(), Some("x=y,z=w"));
        assert_eq!(c.service(), Some("s,t"));
    }

    #[test]
    fn two_challenges_in_one_line() {
        let v = parse(r#"Basic realm="x", Bearer realm="y",service="z""#);
        assert_eq!(v.len(), 2);
        assert_eq!(v[0].scheme, "basic");
        assert_eq!(v[0].params, params(&[("realm", "x")]));
        assert_eq!(v[1].scheme, "bearer");
        assert_eq!(v[1].params, params(&[("realm", "y"), ("service", "z")]));
    }

    #[test]
    fn rfc7235_example() {
        let v = parse(
            r#"Newauth realm="apps", type=1, title="Login to \"apps\"", Basic realm="simple""#,
        );
        assert_eq!(v.len(), 2);
        assert_eq!(v[0].scheme, "newauth");
        assert_eq!(
            v[0].params,
            params(&[
                ("realm", "apps"),
                ("type", "1"),
                ("title", r#"Login to "apps""#)
            ])
        );
        assert_eq!(v[1].scheme, "basic");
        assert_eq!(v[1].realm(), Some("simple"));
    }

    #[test]
    fn bare_schemes_separated_by_commas() {
        let v = parse("Basic, Bearer realm=\"y\", Negotiate");
        let schemes: Vec<_> = v.iter().map(|c| c.scheme.as_str()).collect();
        assert_eq!(schemes, ["basic", "bearer", "negotiate"]);
        assert!(v[0].params.is_empty());
        assert_eq!(v[1].realm(), Some("y"));
    }

    #[test]
    fn tokens_unquoted_odd_whitespace_order_case() {
        let c = one("  BEARER   Service = reg.example ,\tSCOPE=repository:a/b:pull ,  Realm= https://auth.example/token  ");
        assert_eq!(c.scheme, "bearer");
        assert_eq!(c.service(), Some("reg.example"));
        assert_eq!(c.scope(), Some("repository:a/b:pull"));
        assert_eq!(c.realm(), Some("https://auth.example/token"));
    }

    #[test]
    fn token68() {
        let v = parse("Negotiate YIIB9gYGKwYBBQUCoIIB6jCCAeag==, Basic realm=\"r\"");
        assert_eq!(v.len(), 2);
        assert_eq!(v[0].scheme, "negotiate");
        assert_eq!(v[0].token68(), Some("YIIB9gYGKwYBBQUCoIIB6jCCAeag=="));
        assert_eq!(v[1].realm(), Some("r"));
        let c = one("Custom abc/def+ghi=");
        assert_eq!(c.token68(), Some("abc/def+ghi="));
    }

    #[test]
    fn duplicate_param_keeps_first() {
        let c = one(r#"Bearer realm="a", realm="b""#);
        assert_eq!(c.realm(), Some("a"));
    }

    #[test]
    fn empty_header() {
        assert!(parse("").is_empty());
        assert!(parse("   ").is_empty());
        assert!(parse(" , ,, ").is_empty());
    }

    #[test]
    fn parse_all_several_lines() {
        let v = parse_all([r#"Basic realm="x""#, "", r#"Bearer realm="y""#]);
        assert_eq!(v.len(), 2);
        assert_eq!(v[0].scheme, "basic");
        assert_eq!(v[1].realm(), Some("y"));
    }

    #[test]
    fn unterminated_quote() {
        let c = one(r#"Bearer realm="https://x/token,service="s"#);
        assert_eq!(c.realm(), Some("https://x/token,service="));
    }

    #[test]
    fn garbage_never_panics() {
        let inputs = [
            "=",
            "==,==",
            "\"",
            "\"\\",
            "Bearer \"",
            "Bearer =",
            "Bearer realm=",
            "Bearer realm=\"",
            "Bearer realm=\"\\",
            "Bearer ,,,, realm",
            "Bearer realm==x",
            "Bearer realm = ,",
            "Bearer a=b c=d e",
            "\u{0}\u{1}\u{7f}",
            "Bëarer réalm=\"ü\"",
            "/// ??? ,,, !!!",
            "realm=\"x, y\", Basic realm=\"z\"",
            "Basic\trealm=\"x\"\r\n",
            "Bearer realm=\"x\"\"y\"",
            ",Bearer",
            "Bearer,",
            "\\\\\\",
        ];
        for input in inputs {
            let _ = parse(input);
        }
        // Scheme-less parameters are skipped, the valid challenge after them kept.
        let v = parse("realm=\"x, y\", Basic realm=\"z\"");
        assert_eq!(v.len(), 1);
        assert_eq!(v[0].realm(), Some("z"));
        // Bytes of every kind.
        let mut s = String::new();
        for b in 0u8..128 {
            s.push(b as char);
            let _ = parse(&s);
        }
    }
}
