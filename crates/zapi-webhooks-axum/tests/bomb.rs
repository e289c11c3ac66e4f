//! A decompression bomb: 64 MiB of zeros gzipped (about 64 KiB on the wire) against a 1 MiB
//! limit is refused with 413, and the process's peak memory barely moves. Alone in its test
//! binary, so that no other test's allocations count.

mod common;

use std::io::Write;

use common::{post, serve};
use flate2::Compression;
use flate2::write::GzEncoder;
use zapi_webhooks_axum::WebhookConfig;

/// `VmHWM` (peak resident set) or `VmRSS` of this process, in KiB; `None` off Linux.
fn status_kib(field: &str) -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with(field))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_gzip_bomb_is_413_with_bounded_memory() {
    let mut encoder = GzEncoder::new(Vec::new(), Compression::best());
    let zeros = vec![0u8; 1 << 20];
    for _ in 0..64 {
        encoder.write_all(&zeros).expect("write");
    }
    drop(zeros);
    let bomb = encoder.finish().expect("gzip");
    assert!(bomb.len() < 256 * 1024, "{} bytes on the wire", bomb.len());

    let server = serve(WebhookConfig::token("tok").body_limit(1 << 20)).await;
    // Warm up the server (its buffers, the runtime's threads) with a small request first.
    let warm = post(server.addr, "/", &[("z-api-token", "tok")], b"{}").await;
    assert_eq!(warm.status, 200);

    let (peak_before, rss_before) = (status_kib("VmHWM:"), status_kib("VmRSS:"));
    let answer = post(
        server.addr,
        "/",
        &[("z-api-token", "tok"), ("Content-Encoding", "gzip")],
        &bomb,
    )
    .await;
    let (peak_after, rss_after) = (status_kib("VmHWM:"), status_kib("VmRSS:"));
    assert_eq!(answer.status, 413, "{}", answer.raw);
    assert_eq!(server.calls(), 1);
    if let (Some(before), Some(after), Some(rss0), Some(rss1)) =
        (peak_before, peak_after, rss_before, rss_after)
    {
        eprintln!(
            "bomb of {} bytes: peak RSS {before} -> {after} KiB (+{} KiB), RSS {rss0} -> {rss1} KiB",
            bomb.len(),
            after - before,
        );
        // 64 MiB decoded would show; the limit (1 MiB, buffered at most twice) and the wire
        // body may.
        assert!(
            after - before < 8 * 1024,
            "peak RSS grew by {} KiB",
            after - before
        );
    }
}
