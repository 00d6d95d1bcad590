//! Compiles the newest model file (`models/stance-vN.json` with the highest N) into the
//! binary, so `stance` scores from any folder without `--model`.

use std::path::PathBuf;

fn main() {
    println!("cargo:rerun-if-changed=models");
    let newest = std::fs::read_dir("models")
        .into_iter()
        .flatten()
        .flatten()
        .filter_map(|entry| {
            let name = entry.file_name().into_string().ok()?;
            let n: u32 = name
                .strip_prefix("stance-v")?
                .strip_suffix(".json")?
                .parse()
                .ok()?;
            Some((n, entry.path()))
        })
        .max();
    let json = match &newest {
        Some((_, path)) => {
            println!("cargo:rerun-if-changed={}", path.display());
            std::fs::read_to_string(path).unwrap_or_default()
        }
        None => String::new(),
    };
    let out =
        PathBuf::from(std::env::var_os("OUT_DIR").unwrap_or_default()).join("default_model.json");
    if let Err(e) = std::fs::write(&out, json) {
        println!("cargo:warning=cannot write {}: {e}", out.display());
    }
}
