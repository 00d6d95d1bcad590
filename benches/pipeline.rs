//! Throughput of each stage on the repository's own articles and statements:
//! extraction and the whole pipeline in MB/s of article text, featurizing and scoring in
//! statements per second. `make bench` runs it.

use criterion::{black_box, criterion_group, criterion_main, Criterion, Throughput};
use stance::article::Article;
use stance::corpus::read_corpus;
use stance::model::LinearModel;
use stance::quotes::extract::extract;
use stance::Pipeline;
use std::fs;
use std::path::Path;

fn articles() -> Vec<String> {
    let mut texts = Vec::new();
    for dir in ["training-data/articles", "examples"] {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join(dir);
        let mut paths: Vec<_> = fs::read_dir(dir)
            .expect("article folder")
            .flatten()
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|e| e == "txt"))
            .collect();
        paths.sort();
        texts.extend(
            paths
                .iter()
                .map(|p| fs::read_to_string(p).expect("article")),
        );
    }
    texts
}

fn statements() -> Vec<String> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("training-data/quotes.csv");
    read_corpus(&path)
        .expect("corpus")
        .examples
        .into_iter()
        .map(|e| e.quote)
        .collect()
}

fn bench(c: &mut Criterion) {
    let texts = articles();
    let bytes: usize = texts.iter().map(String::len).sum();
    let model = LinearModel::builtin().expect("built-in model");

    let mut g = c.benchmark_group("articles");
    g.throughput(Throughput::Bytes(bytes as u64));
    g.bench_function("extract", |b| {
        b.iter(|| {
            texts
                .iter()
                .map(|t| extract(black_box(t)).len())
                .sum::<usize>()
        })
    });
    let pipeline = Pipeline::new(model.clone());
    let docs: Vec<Article> = texts
        .iter()
        .enumerate()
        .map(|(i, t)| Article::new(i.to_string(), t.clone()))
        .collect();
    g.bench_function("score (extract + attribute + label)", |b| {
        b.iter(|| {
            docs.iter()
                .map(|a| pipeline.score(black_box(a)).len())
                .sum::<usize>()
        })
    });
    g.finish();

    let quotes = statements();
    let mut g = c.benchmark_group("statements");
    g.throughput(Throughput::Elements(quotes.len() as u64));
    g.bench_function("featurize", |b| {
        b.iter(|| {
            quotes
                .iter()
                .map(|q| model.features(black_box(q)).entries.len())
                .sum::<usize>()
        })
    });
    g.bench_function("featurize + predict", |b| {
        b.iter(|| {
            quotes
                .iter()
                .filter(|q| model.predict(black_box(q)).tone() > 0.0)
                .count()
        })
    });
    g.finish();
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(20);
    targets = bench
}
criterion_main!(benches);
