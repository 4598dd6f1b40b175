//! push / pull / tag against a real registry, checked through raw HTTP.

mod common;

use common::*;
use serde_json::Value;

#[test]
fn roundtrip_files_with_custom_media_types() {
    let reg = Registry::start();
    let src = workdir();
    let out = workdir();
    let a = write_file(src.path(), "a.txt", b"hello artifact\n");
    let b = write_file(src.path(), "data/b.bin", &pseudo_random(100_000, 7));
    let c = write_file(src.path(), "c.json", br#"{"k": [1, 2, 3]}"#);

    let digest = push(
        &reg,
        src.path(),
        "files/roundtrip:v1",
        &[
            "a.txt",
            "data/b.bin:application/vnd.example.bin",
            "c.json:application/json",
        ],
    );

    let m = get_manifest(&reg.addr(), "files/roundtrip", "v1");
    assert_eq!(m.digest, digest, "printed digest is the registry's digest");
    assert_eq!(m.json["schemaVersion"], 2);
    assert_eq!(m.json["mediaType"], OCI_MANIFEST);
    assert_eq!(m.json["artifactType"], DEFAULT_ARTIFACT_TYPE);
    assert_eq!(m.json["config"]["mediaType"], OCI_EMPTY);
    assert_eq!(m.json["config"]["digest"], EMPTY_CONFIG_DIGEST);
    assert_eq!(m.json["config"]["size"], 2);
    let expected = [
        ("a.txt", OCI_LAYER_TAR, &a),
        ("data/b.bin", "application/vnd.example.bin", &b),
        ("c.json", "application/json", &c),
    ];
    assert_eq!(m.layers().len(), expected.len(), "{}", m.json);
    for (layer, (title, media_type, path)) in m.layers().iter().zip(expected) {
        let bytes = read_file(path);
        assert_eq!(layer["annotations"][ANNOTATION_TITLE], title);
        assert_eq!(layer["mediaType"], media_type);
        assert_eq!(layer["size"], bytes.len());
        assert_eq!(layer["digest"], format!("sha256:{}", sha256_hex(&bytes)));
        assert_eq!(
            get_blob(
                &reg.addr(),
                "files/roundtrip",
                layer["digest"].as_str().unwrap()
            ),
            bytes
        );
    }

    // The manifest went in only after every blob was complete.
    let requests = reg.requests();
    let manifest_put = requests
        .iter()
        .position(|r| r.starts_with("PUT /v2/files/roundtrip/manifests/"))
        .expect("manifest PUT in the log");
    let last_blob_put = requests
        .iter()
        .rposition(|r| r.starts_with("PUT /v2/files/roundtrip/blobs/uploads/"))
        .expect("blob PUTs in the log");
    assert!(last_blob_put < manifest_put, "{requests:#?}");

    assert_eq!(pull(&reg, "files/roundtrip:v1", out.path(), &[]), digest);
    assert_eq!(read_tree(out.path()), read_tree(src.path()));
}

#[test]
fn empty_file_roundtrip() {
    let reg = Registry::start();
    let src = workdir();
    let out = workdir();
    write_file(src.path(), "empty.txt", b"");

    push(&reg, src.path(), "files/empty:v1", &["empty.txt"]);
    let m = get_manifest(&reg.addr(), "files/empty", "v1");
    let layer = m.layer("empty.txt");
    assert_eq!(layer["size"], 0);
    assert_eq!(layer["digest"], EMPTY_DIGEST);

    pull(&reg, "files/empty:v1", out.path(), &[]);
    let pulled = out.path().join("empty.txt");
    assert!(pulled.is_file(), "empty file was not created");
    assert_eq!(read_file(&pulled).len(), 0);
}

#[test]
fn unicode_and_space_in_names() {
    let reg = Registry::start();
    let src = workdir();
    let out = workdir();
    let name = "données été.txt";
    write_file(src.path(), name, "ça marche\n".as_bytes());

    push(&reg, src.path(), "files/unicode:v1", &[name]);
    let m = get_manifest(&reg.addr(), "files/unicode", "v1");
    assert_eq!(m.layers().len(), 1);
    m.layer(name);

    pull(&reg, "files/unicode:v1", out.path(), &[]);
    assert_eq!(list_tree(out.path()), vec![name.to_string()]);
    assert_eq!(read_file(&out.path().join(name)), "ça marche\n".as_bytes());
}

#[test]
fn directory_tree_roundtrip() {
    let reg = Registry::start();
    let src = workdir();
    let out = workdir();
    write_file(src.path(), "tree/top.txt", b"top\n");
    write_file(src.path(), "tree/sub/data.bin", &pseudo_random(50_000, 3));
    write_file(src.path(), "tree/sub/deeper/empty.txt", b"");

    push(&reg, src.path(), "files/tree:v1", &["tree"]);

    let m = get_manifest(&reg.addr(), "files/tree", "v1");
    assert_eq!(m.layers().len(), 1, "a directory is one layer: {}", m.json);
    let layer = m.layer("tree");
    assert_eq!(layer["mediaType"], OCI_LAYER_TAR_GZIP);
    assert_eq!(layer["annotations"][ANNOTATION_UNPACK], "true");
    // io.deis.oras.content.digest is the digest of the uncompressed tar.
    let blob = get_blob(&reg.addr(), "files/tree", layer["digest"].as_str().unwrap());
    let tar = gunzip(&blob);
    assert_eq!(
        layer["annotations"][ANNOTATION_CONTENT_DIGEST],
        format!("sha256:{}", sha256_hex(&tar))
    );

    pull(&reg, "files/tree:v1", out.path(), &[]);
    assert_eq!(read_tree(out.path()), read_tree(src.path()));
    assert!(out.path().join("tree/sub/deeper/empty.txt").is_file());
}

#[test]
fn pull_by_digest() {
    let reg = Registry::start();
    let src = workdir();
    let out = workdir();
    write_file(src.path(), "one.txt", b"one\n");
    let digest = push(&reg, src.path(), "files/bydigest:v1", &["one.txt"]);

    let pulled = pull(&reg, &format!("files/bydigest@{digest}"), out.path(), &[]);
    assert_eq!(pulled, digest);
    assert_eq!(read_file(&out.path().join("one.txt")), b"one\n");
}

#[test]
fn tag_adds_tags_to_the_same_manifest() {
    let reg = Registry::start();
    let src = workdir();
    write_file(src.path(), "one.txt", b"one\n");
    let digest = push(&reg, src.path(), "files/tagged:v1", &["one.txt"]);
    let original = get_manifest(&reg.addr(), "files/tagged", "v1");

    run_ok(artifact().args([
        "tag",
        "--plain-http",
        &reg.reference("files/tagged:v1"),
        "stable",
        "v1.0.0",
    ]));

    for tag in ["stable", "v1.0.0"] {
        let m = get_manifest(&reg.addr(), "files/tagged", tag);
        assert_eq!(m.digest, digest, "tag {tag}");
        assert_eq!(m.raw, original.raw, "tag {tag} is byte-identical");
    }
    let mut tags = tags(&reg.addr(), "files/tagged");
    tags.sort();
    assert_eq!(tags, ["stable", "v1", "v1.0.0"]);
}

#[test]
fn multiple_tags_in_one_push() {
    let reg = Registry::start();
    let src = workdir();
    write_file(src.path(), "one.txt", b"one\n");
    let digest = push(&reg, src.path(), "files/multi:a,b", &["one.txt"]);

    let mut tags = tags(&reg.addr(), "files/multi");
    tags.sort();
    assert_eq!(tags, ["a", "b"]);
    assert_eq!(get_manifest(&reg.addr(), "files/multi", "a").digest, digest);
    assert_eq!(get_manifest(&reg.addr(), "files/multi", "b").digest, digest);
}

#[test]
fn manifest_annotations_from_flags() {
    let reg = Registry::start();
    let src = workdir();
    write_file(src.path(), "one.txt", b"one\n");
    push(
        &reg,
        src.path(),
        "files/annotated:v1",
        &[
            "one.txt",
            "-a",
            "org.example.team=storage",
            "--annotation",
            "note=hello world",
            "-a",
            "url=https://example.com/?a=b",
        ],
    );

    let m = get_manifest(&reg.addr(), "files/annotated", "v1");
    let annotations = &m.json["annotations"];
    assert_eq!(annotations["org.example.team"], "storage", "{}", m.json);
    assert_eq!(annotations["note"], "hello world");
    assert_eq!(
        annotations["url"], "https://example.com/?a=b",
        "split at the first `=`"
    );
}

#[test]
fn annotation_file_in_oras_format() {
    let reg = Registry::start();
    let src = workdir();
    write_file(src.path(), "a.txt", b"a\n");
    write_file(src.path(), "b.txt", b"b\n");
    write_file(
        src.path(),
        "annotations.json",
        serde_json::json!({
            "$manifest": {"org.example.release": "2024.1"},
            "$config": {"org.example.config": "yes"},
            "a.txt": {"org.example.checked": "true", "org.example.owner": "alice"},
        })
        .to_string()
        .as_bytes(),
    );

    push(
        &reg,
        src.path(),
        "files/annotation-file:v1",
        &["a.txt", "b.txt", "--annotation-file", "annotations.json"],
    );

    let m = get_manifest(&reg.addr(), "files/annotation-file", "v1");
    assert_eq!(
        m.json["annotations"]["org.example.release"], "2024.1",
        "{}",
        m.json
    );
    assert_eq!(m.json["config"]["annotations"]["org.example.config"], "yes");
    let a = m.layer("a.txt");
    assert_eq!(a["annotations"]["org.example.checked"], "true");
    assert_eq!(a["annotations"]["org.example.owner"], "alice");
    let b = m.layer("b.txt");
    assert_eq!(
        b["annotations"].as_object().unwrap().len(),
        1,
        "only the title: {b}"
    );
    assert!(
        m.layers()
            .iter()
            .all(|l| l["annotations"][ANNOTATION_TITLE] != "annotations.json"),
        "the annotation file is not a layer"
    );
}

#[test]
fn custom_config_file() {
    let reg = Registry::start();
    let src = workdir();
    write_file(src.path(), "one.txt", b"one\n");
    let config = br#"{"name": "my config", "version": 3}"#;
    write_file(src.path(), "config.json", config);

    push(
        &reg,
        src.path(),
        "files/config:v1",
        &[
            "one.txt",
            "--config",
            "config.json:application/vnd.example.config.v1+json",
        ],
    );

    let m = get_manifest(&reg.addr(), "files/config", "v1");
    let desc = &m.json["config"];
    assert_eq!(desc["mediaType"], "application/vnd.example.config.v1+json");
    assert_eq!(desc["size"], config.len());
    assert_eq!(desc["digest"], format!("sha256:{}", sha256_hex(config)));
    assert_eq!(
        get_blob(
            &reg.addr(),
            "files/config",
            desc["digest"].as_str().unwrap()
        ),
        config
    );
    assert_eq!(m.layers().len(), 1, "the config is not a layer: {}", m.json);
}

#[test]
fn export_manifest_writes_the_pushed_bytes() {
    let reg = Registry::start();
    let src = workdir();
    write_file(src.path(), "one.txt", b"one\n");
    let digest = push(
        &reg,
        src.path(),
        "files/export:v1",
        &["one.txt", "--export-manifest", "manifest.json"],
    );

    let exported = read_file(&src.path().join("manifest.json"));
    assert_eq!(format!("sha256:{}", sha256_hex(&exported)), digest);
    assert_eq!(
        exported,
        get_manifest(&reg.addr(), "files/export", "v1").raw
    );
}

#[test]
fn image_spec_v1_0_puts_the_type_in_the_config() {
    let reg = Registry::start();
    let src = workdir();
    write_file(src.path(), "one.txt", b"one\n");

    push(
        &reg,
        src.path(),
        "files/v10:default",
        &["one.txt", "--image-spec", "v1.0"],
    );
    let m = get_manifest(&reg.addr(), "files/v10", "default");
    assert!(
        m.json.get("artifactType").is_none(),
        "no artifactType in v1.0: {}",
        m.json
    );
    assert_eq!(m.json["mediaType"], OCI_MANIFEST);
    assert_eq!(m.json["config"]["mediaType"], UNKNOWN_CONFIG);
    let config_digest = m.json["config"]["digest"].as_str().unwrap();
    let size = m.json["config"]["size"].as_u64().unwrap() as usize;
    assert_eq!(
        get_blob(&reg.addr(), "files/v10", config_digest).len(),
        size
    );

    push(
        &reg,
        src.path(),
        "files/v10:typed",
        &[
            "one.txt",
            "--image-spec",
            "v1.0",
            "--artifact-type",
            "application/vnd.example.thing",
        ],
    );
    let m = get_manifest(&reg.addr(), "files/v10", "typed");
    assert!(m.json.get("artifactType").is_none(), "{}", m.json);
    assert_eq!(
        m.json["config"]["mediaType"],
        "application/vnd.example.thing"
    );
}

#[test]
fn artifact_type_in_v1_1_manifest() {
    let reg = Registry::start();
    let src = workdir();
    write_file(src.path(), "one.txt", b"one\n");
    push(
        &reg,
        src.path(),
        "files/typed:v1",
        &[
            "one.txt",
            "--artifact-type",
            "application/vnd.example.sbom.v1",
        ],
    );

    let m = get_manifest(&reg.addr(), "files/typed", "v1");
    assert_eq!(m.json["artifactType"], "application/vnd.example.sbom.v1");
    assert_eq!(m.json["config"]["mediaType"], OCI_EMPTY);
    assert_eq!(m.json["config"]["digest"], EMPTY_CONFIG_DIGEST);
    assert_eq!(
        get_blob(&reg.addr(), "files/typed", EMPTY_CONFIG_DIGEST),
        b"{}"
    );
}

#[test]
fn repush_skips_blobs_already_there() {
    let reg = Registry::start();
    let src = workdir();
    write_file(src.path(), "a.txt", &pseudo_random(10_000, 1));
    write_file(src.path(), "b.txt", &pseudo_random(10_000, 2));
    write_file(src.path(), "c.txt", &pseudo_random(10_000, 3));
    let uploads = || reg.count_requests("POST", "files/repush", "blobs/uploads/");

    push(&reg, src.path(), "files/repush:v1", &["a.txt", "b.txt"]);
    let first = uploads();
    assert!(first >= 2, "both layers uploaded: {:#?}", reg.requests());

    let digest = push(&reg, src.path(), "files/repush:v2", &["a.txt", "b.txt"]);
    assert_eq!(
        uploads(),
        first,
        "nothing re-uploaded: {:#?}",
        reg.requests()
    );
    assert_eq!(
        get_manifest(&reg.addr(), "files/repush", "v2").digest,
        digest
    );

    push(&reg, src.path(), "files/repush:v3", &["a.txt", "c.txt"]);
    assert_eq!(
        uploads(),
        first + 1,
        "only c.txt uploaded: {:#?}",
        reg.requests()
    );
}

#[test]
fn chunked_upload_of_a_large_file() {
    let reg = Registry::start();
    let src = workdir();
    let out = workdir();
    let big = pseudo_random(24 * 1024 * 1024, 24);
    write_file(src.path(), "big.bin", &big);

    let digest = push(
        &reg,
        src.path(),
        "files/chunked:v1",
        &["big.bin", "--chunk-size", "4MiB"],
    );

    let patches = reg.count_requests("PATCH", "files/chunked", "blobs/uploads/");
    assert!(patches >= 5, "expected >= 5 PATCH requests, saw {patches}");
    let m = get_manifest(&reg.addr(), "files/chunked", "v1");
    assert_eq!(m.digest, digest);
    assert_eq!(
        m.layer("big.bin")["digest"],
        format!("sha256:{}", sha256_hex(&big))
    );

    pull(&reg, "files/chunked:v1", out.path(), &[]);
    let pulled = read_file(&out.path().join("big.bin"));
    assert!(pulled == big, "pulled file differs from the pushed one");
}

#[test]
fn chunk_size_accepts_units() {
    let reg = Registry::start();
    let src = workdir();
    write_file(
        src.path(),
        "mid.bin",
        &pseudo_random(2 * 1024 * 1024 + 1, 5),
    );
    for (tag, size) in [("k", "512KiB"), ("m", "1M"), ("bytes", "300000")] {
        push(
            &reg,
            src.path(),
            &format!("files/units-{tag}:v1"),
            &["mid.bin", "--chunk-size", size],
        );
        let repo = format!("files/units-{tag}");
        let patches = reg.count_requests("PATCH", &repo, "blobs/uploads/");
        assert!(
            patches >= 2,
            "--chunk-size {size}: expected chunks, saw {patches} PATCH"
        );
    }
}

#[test]
fn push_and_pull_json_output() {
    let reg = Registry::start();
    let src = workdir();
    let out = workdir();
    write_file(src.path(), "a.txt", b"a\n");
    write_file(src.path(), "b.txt", b"bb\n");
    let reference = reg.reference("files/json:v1,latest");

    let output = run_ok(artifact().current_dir(src.path()).args([
        "push",
        "--plain-http",
        &reference,
        "a.txt",
        "b.txt",
        "--format",
        "json",
    ]));
    let v: Value = serde_json::from_str(stdout_of(&output).trim()).unwrap_or_else(|e| {
        panic!(
            "push --format json is one JSON object: {e}\n{}",
            stdout_of(&output)
        )
    });
    let m = get_manifest(&reg.addr(), "files/json", "v1");
    assert_eq!(v["digest"], m.digest);
    assert_eq!(v["mediaType"], OCI_MANIFEST);
    assert_eq!(v["artifactType"], DEFAULT_ARTIFACT_TYPE);
    assert!(
        v["reference"].as_str().unwrap().contains("files/json"),
        "{v}"
    );
    let mut tags: Vec<&str> = v["tags"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t.as_str().unwrap())
        .collect();
    tags.sort();
    assert_eq!(tags, ["latest", "v1"]);
    let layers = v["layers"].as_array().unwrap();
    assert_eq!(layers.len(), 2);
    for (printed, stored) in layers.iter().zip(m.layers()) {
        assert_eq!(printed["digest"], stored["digest"]);
        assert_eq!(printed["mediaType"], stored["mediaType"]);
        assert_eq!(printed["size"], stored["size"]);
    }

    let output = run_ok(
        artifact()
            .args([
                "pull",
                "--plain-http",
                &reg.reference("files/json:v1"),
                "--format",
                "json",
                "-o",
            ])
            .arg(out.path()),
    );
    let v: Value = serde_json::from_str(stdout_of(&output).trim())
        .unwrap_or_else(|e| panic!("pull --format json is JSON: {e}\n{}", stdout_of(&output)));
    assert!(
        v.to_string().contains(&m.digest),
        "pull JSON names the digest: {v}"
    );
    assert_eq!(read_file(&out.path().join("b.txt")), b"bb\n");
}

#[test]
fn pull_leaves_no_temp_files() {
    let reg = Registry::start();
    let src = workdir();
    let out = workdir();
    write_file(src.path(), "a.txt", &pseudo_random(200_000, 9));
    write_file(src.path(), "dir/x.txt", b"x\n");
    push(&reg, src.path(), "files/clean:v1", &["a.txt", "dir"]);

    pull(&reg, "files/clean:v1", out.path(), &[]);
    assert_eq!(list_tree(out.path()), ["a.txt", "dir/", "dir/x.txt"]);
}

#[test]
fn pull_into_a_new_nested_directory() {
    let reg = Registry::start();
    let src = workdir();
    let out = workdir();
    write_file(src.path(), "a.txt", b"a\n");
    push(&reg, src.path(), "files/nested-out:v1", &["a.txt"]);

    let target = out.path().join("does/not/exist/yet");
    pull(&reg, "files/nested-out:v1", &target, &[]);
    assert_eq!(read_file(&target.join("a.txt")), b"a\n");
}

#[test]
fn pull_skips_untitled_layers() {
    let reg = Registry::start();
    let out = workdir();
    registry_push_artifact(
        &reg.addr(),
        "files/untitled",
        "v1",
        &[
            RawLayer::file("named.txt", b"named\n"),
            RawLayer {
                title: None,
                media_type: OCI_LAYER_TAR,
                content: b"anonymous\n",
                annotations: &[],
            },
        ],
    );

    pull(&reg, "files/untitled:v1", out.path(), &[]);
    assert_eq!(list_tree(out.path()), ["named.txt"]);
}

#[test]
fn keep_old_files_refuses_to_overwrite() {
    let reg = Registry::start();
    let src = workdir();
    let out = workdir();
    write_file(src.path(), "a.txt", b"from the registry\n");
    push(&reg, src.path(), "files/keep:v1", &["a.txt"]);
    write_file(out.path(), "a.txt", b"local edits\n");

    run_err(
        artifact()
            .args([
                "pull",
                "--plain-http",
                &reg.reference("files/keep:v1"),
                "--keep-old-files",
                "-o",
            ])
            .arg(out.path()),
        1,
        "a.txt",
    );
    assert_eq!(read_file(&out.path().join("a.txt")), b"local edits\n");

    // Without the flag the file is overwritten.
    pull(&reg, "files/keep:v1", out.path(), &[]);
    assert_eq!(read_file(&out.path().join("a.txt")), b"from the registry\n");
}

#[test]
fn global_flags_before_the_subcommand() {
    let reg = Registry::start();
    let src = workdir();
    let out = workdir();
    write_file(src.path(), "a.txt", b"a\n");

    let output = run_ok(
        artifact()
            .current_dir(src.path())
            .args(["--plain-http", "--no-progress", "--debug", "push"])
            .args([reg.reference("files/global:v1").as_str(), "a.txt"]),
    );
    let digest = printed_digest(&stdout_of(&output));
    assert_eq!(
        get_manifest(&reg.addr(), "files/global", "v1").digest,
        digest
    );

    let output = run_ok(
        artifact()
            .args([
                "--plain-http",
                "--no-progress",
                "pull",
                &reg.reference("files/global:v1"),
                "-o",
            ])
            .arg(out.path()),
    );
    assert_eq!(printed_digest(&stdout_of(&output)), digest);
    assert_eq!(read_file(&out.path().join("a.txt")), b"a\n");
}
