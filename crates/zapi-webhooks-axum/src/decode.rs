//! `Content-Encoding`: which ones are accepted, and decoding with a limit on the decoded size.

use std::io::Read;

use axum::http::{HeaderMap, header};
use bytes::Bytes;
use flate2::read::{DeflateDecoder, MultiGzDecoder, ZlibDecoder};

/// A body's `Content-Encoding`, as far as this crate decodes it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum Encoding {
    /// No `Content-Encoding`, or `identity`: the body is used as is.
    Identity,
    /// `gzip` (or `x-gzip`).
    Gzip,
    /// `deflate`: zlib-wrapped as HTTP says, or raw deflate as some senders do.
    Deflate,
}

impl Encoding {
    /// The encoding named by `headers`, or the offending value when it is one this crate does not
    /// decode (another coding, several codings stacked, or a value that is not text).
    pub fn from_headers(headers: &HeaderMap) -> Result<Encoding, String> {
        let mut found = Encoding::Identity;
        for value in headers.get_all(header::CONTENT_ENCODING) {
            let text = value.to_str().map_err(|_| format!("{value:?}"))?;
            for coding in text.split(',').map(str::trim).filter(|c| !c.is_empty()) {
                let coding_found = if coding.eq_ignore_ascii_case("identity") {
                    continue;
                } else if coding.eq_ignore_ascii_case("gzip")
                    || coding.eq_ignore_ascii_case("x-gzip")
                {
                    Encoding::Gzip
                } else if coding.eq_ignore_ascii_case("deflate") {
                    Encoding::Deflate
                } else {
                    return Err(coding.to_owned());
                };
                if found != Encoding::Identity {
                    return Err(text.to_owned());
                }
                found = coding_found;
            }
        }
        Ok(found)
    }
}

/// Why a body could not be decoded.
#[derive(Debug)]
pub(crate) enum DecodeError {
    /// It decodes to more than the limit: decoding stopped at `limit + 1` bytes.
    TooLarge,
    /// It is not valid data in its encoding.
    Corrupt(std::io::Error),
}

/// Decodes `wire` from `encoding`, reading at most `limit + 1` decoded bytes: a body that would
/// decode to more than `limit` is refused having allocated about `limit` bytes, whatever its
/// decoded size.
pub(crate) fn decode(encoding: Encoding, wire: Bytes, limit: usize) -> Result<Bytes, DecodeError> {
    match encoding {
        Encoding::Identity => {
            if wire.len() > limit {
                Err(DecodeError::TooLarge)
            } else {
                Ok(wire)
            }
        }
        Encoding::Gzip => read_limited(MultiGzDecoder::new(&wire[..]), limit),
        Encoding::Deflate if is_zlib(&wire) => read_limited(ZlibDecoder::new(&wire[..]), limit),
        Encoding::Deflate => read_limited(DeflateDecoder::new(&wire[..]), limit),
    }
}

/// Whether `data` starts with a zlib header (RFC 1950: method 8, check bits).
fn is_zlib(data: &[u8]) -> bool {
    match data {
        [cmf, flg, ..] => cmf & 0x0f == 8 && (u16::from(*cmf) * 256 + u16::from(*flg)) % 31 == 0,
        _ => false,
    }
}

fn read_limited(decoder: impl Read, limit: usize) -> Result<Bytes, DecodeError> {
    let cap = u64::try_from(limit).unwrap_or(u64::MAX).saturating_add(1);
    let mut out = Vec::new();
    decoder
        .take(cap)
        .read_to_end(&mut out)
        .map_err(DecodeError::Corrupt)?;
    if out.len() > limit {
        return Err(DecodeError::TooLarge);
    }
    Ok(Bytes::from(out))
}

#[cfg(test)]
mod tests {
    use std::io::Write;

    use axum::http::HeaderValue;
    use flate2::Compression;
    use flate2::write::{DeflateEncoder, GzEncoder, ZlibEncoder};

    use super::*;

    fn headers(values: &[&str]) -> HeaderMap {
        let mut map = HeaderMap::new();
        for v in values {
            map.append(
                header::CONTENT_ENCODING,
                HeaderValue::from_str(v).expect("value"),
            );
        }
        map
    }

    #[test]
    fn encodings() {
        assert_eq!(
            Encoding::from_headers(&headers(&[])),
            Ok(Encoding::Identity)
        );
        assert_eq!(
            Encoding::from_headers(&headers(&["identity"])),
            Ok(Encoding::Identity)
        );
        assert_eq!(
            Encoding::from_headers(&headers(&["GZIP"])),
            Ok(Encoding::Gzip)
        );
        assert_eq!(
            Encoding::from_headers(&headers(&["x-gzip"])),
            Ok(Encoding::Gzip)
        );
        assert_eq!(
            Encoding::from_headers(&headers(&["deflate"])),
            Ok(Encoding::Deflate)
        );
        assert_eq!(
            Encoding::from_headers(&headers(&["identity, gzip"])),
            Ok(Encoding::Gzip)
        );
        assert!(Encoding::from_headers(&headers(&["br"])).is_err());
        assert!(Encoding::from_headers(&headers(&["zstd"])).is_err());
        assert!(Encoding::from_headers(&headers(&["gzip, gzip"])).is_err());
        assert!(Encoding::from_headers(&headers(&["gzip", "deflate"])).is_err());
    }

    fn gzip(data: &[u8]) -> Vec<u8> {
        let mut e = GzEncoder::new(Vec::new(), Compression::default());
        e.write_all(data).expect("write");
        e.finish().expect("finish")
    }

    #[test]
    fn decodes_within_the_limit() {
        let body = br#"{"type":"ReceivedCallback"}"#;
        let gz = Bytes::from(gzip(body));
        assert_eq!(&decode(Encoding::Gzip, gz, 1024).expect("gzip")[..], body);
        let mut z = ZlibEncoder::new(Vec::new(), Compression::default());
        z.write_all(body).expect("write");
        let z = Bytes::from(z.finish().expect("finish"));
        assert_eq!(&decode(Encoding::Deflate, z, 1024).expect("zlib")[..], body);
        let mut d = DeflateEncoder::new(Vec::new(), Compression::default());
        d.write_all(body).expect("write");
        let d = Bytes::from(d.finish().expect("finish"));
        assert_eq!(&decode(Encoding::Deflate, d, 1024).expect("raw")[..], body);
        // Exactly at the limit is fine; one byte more is not.
        let exact = Bytes::from(gzip(body));
        assert!(decode(Encoding::Gzip, exact.clone(), body.len()).is_ok());
        assert!(matches!(
            decode(Encoding::Gzip, exact, body.len() - 1),
            Err(DecodeError::TooLarge)
        ));
        assert!(matches!(
            decode(Encoding::Identity, Bytes::from_static(body), body.len() - 1),
            Err(DecodeError::TooLarge)
        ));
        assert!(matches!(
            decode(Encoding::Gzip, Bytes::from_static(b"not gzip"), 1024),
            Err(DecodeError::Corrupt(_))
        ));
    }

    /// A reader that counts what the decoder pulled from the wire.
    struct Counting<R>(R, std::rc::Rc<std::cell::Cell<usize>>);
    impl<R: Read> Read for Counting<R> {
        fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
            let n = self.0.read(buf)?;
            self.1.set(self.1.get() + n);
            Ok(n)
        }
    }

    #[test]
    fn a_bomb_stops_at_the_limit() {
        // 64 MiB of zeros, compressed to about 64 KiB.
        let mut e = GzEncoder::new(Vec::new(), Compression::best());
        let zeros = vec![0u8; 1 << 20];
        for _ in 0..64 {
            e.write_all(&zeros).expect("write");
        }
        let bomb = e.finish().expect("finish");
        assert!(bomb.len() < 200 * 1024, "{}", bomb.len());
        let read = std::rc::Rc::new(std::cell::Cell::new(0));
        let limit = 1 << 20;
        let decoder = MultiGzDecoder::new(Counting(&bomb[..], read.clone()));
        assert!(matches!(
            read_limited(decoder, limit),
            Err(DecodeError::TooLarge)
        ));
        // It stopped after about 1/64 of the wire (the limit's share, rounded up to the
        // decoder's 32 KiB input buffer), long before its end.
        assert!(
            read.get() <= 32 * 1024,
            "read {} of {}",
            read.get(),
            bomb.len()
        );
        assert!(
            read.get() < bomb.len(),
            "read {} of {}",
            read.get(),
            bomb.len()
        );
        assert!(matches!(
            decode(Encoding::Gzip, Bytes::from(bomb), limit),
            Err(DecodeError::TooLarge)
        ));
    }
}
