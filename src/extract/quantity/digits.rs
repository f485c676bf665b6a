//! Digit tokens as written: thousands groups of every convention, decimal marks, dotted codes
//! and lists without spaces. Pure string work, no tokens.

/// How a run of digits with separators reads.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Digits {
    /// A number: value and decimals.
    Number(f64, u32),
    /// Dotted groups like an IP address or version (`192.168.1.2`, `1.2.3`).
    Dotted,
    /// A list written without spaces (`22,24,26,31`): the byte ranges of its numbers.
    List(Vec<(usize, usize)>),
}

/// Reads a digit token: thousands commas (`1,234,567`), Indian grouping (`12,34,567`),
/// a decimal comma (`1,3`, `1.111,11`), dotted thousands (`1.234.567`).
pub(crate) fn read_digits(raw: &str) -> Digits {
    let commas = raw.bytes().filter(|&b| b == b',').count();
    let dots = raw.bytes().filter(|&b| b == b'.').count();
    if commas == 0 && dots <= 1 {
        // The common case, parsed as written: `2019`, `3.5`.
        let frac = raw.split_once('.').map_or(0, |(_, f)| f.len() as u32);
        return match raw.parse::<f64>() {
            Ok(v) => Digits::Number(v, frac),
            Err(_) => Digits::Dotted,
        };
    }
    let parse = |int: &str, frac: &str| -> Digits {
        // Digits without their group separators, on the stack.
        let mut buf = [0u8; 64];
        let mut n = 0;
        for b in int.bytes().filter(u8::is_ascii_digit) {
            if n == buf.len() {
                return Digits::Dotted;
            }
            buf[n] = b;
            n += 1;
        }
        if !frac.is_empty() {
            if n + 1 + frac.len() > buf.len() {
                return Digits::Dotted;
            }
            buf[n] = b'.';
            buf[n + 1..n + 1 + frac.len()].copy_from_slice(frac.as_bytes());
            n += 1 + frac.len();
        }
        match std::str::from_utf8(&buf[..n])
            .ok()
            .and_then(|s| s.parse::<f64>().ok())
        {
            Some(v) => Digits::Number(v, frac.len() as u32),
            None => Digits::Dotted,
        }
    };
    let groups_ok = |int: &str, sep: char| -> bool {
        let g: Vec<&str> = int.split(sep).collect();
        if g.len() == 1 {
            return true;
        }
        let western = (1..=3).contains(&g[0].len()) && g[1..].iter().all(|x| x.len() == 3);
        // Indian: 12,34,567 — two-digit groups, then three.
        let indian = g.len() >= 3
            && (1..=2).contains(&g[0].len())
            && g[1..g.len() - 1].iter().all(|x| x.len() == 2)
            && g[g.len() - 1].len() == 3;
        western || indian
    };
    match (commas, dots) {
        (0, 0) => parse(raw, ""),
        (0, 1) => {
            let (i, f) = raw.split_once('.').expect("one dot");
            parse(i, f)
        }
        (0, _) => {
            // 1.234.567 is a European thousand grouping; anything else is dotted.
            if groups_ok(raw, '.') {
                parse(raw, "")
            } else {
                Digits::Dotted
            }
        }
        (_, 0) => {
            if groups_ok(raw, ',') {
                return parse(raw, "");
            }
            let (i, f) = raw.rsplit_once(',').expect("a comma");
            if commas == 1 && f.len() <= 2 {
                // A decimal comma: 1,3 or 5,00.
                return parse(i, f);
            }
            let mut out = Vec::new();
            let mut at = 0;
            for g in raw.split(',') {
                out.push((at, at + g.len()));
                at += g.len() + 1;
            }
            Digits::List(out)
        }
        _ => {
            // Both: the last separator is the decimal mark.
            let last_comma = raw.rfind(',').expect("comma");
            let last_dot = raw.rfind('.').expect("dot");
            let (dec, group) = if last_dot > last_comma {
                ('.', ',')
            } else {
                (',', '.')
            };
            let (i, f) = raw.rsplit_once(dec).expect("decimal mark");
            if i.contains(dec) || !groups_ok(i, group) {
                return Digits::Dotted;
            }
            parse(i, f)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn digit_forms() {
        assert_eq!(read_digits("1,234,567"), Digits::Number(1234567.0, 0));
        assert_eq!(read_digits("12,34,567.89"), Digits::Number(1234567.89, 2));
        assert_eq!(read_digits("1.111,11"), Digits::Number(1111.11, 2));
        assert_eq!(read_digits("1,3"), Digits::Number(1.3, 1));
        assert_eq!(read_digits("1.234.567"), Digits::Number(1234567.0, 0));
        assert_eq!(read_digits("192.168.1.2"), Digits::Dotted);
        assert_eq!(read_digits("4.800"), Digits::Number(4.8, 3));
        assert!(matches!(read_digits("22,24,26,31"), Digits::List(v) if v.len() == 4));
    }
}
