# stance: build, score the bundled examples, retrain, evaluate, test, benchmark.
CARGO ?= cargo
STANCE = target/release/stance
BENCH_DATA = ../shared/benchmarks

.PHONY: all build score train eval test bench bench-peers fuzz report lint transfer

all: build

build:
	$(CARGO) build --release --locked

# Scores the bundled example articles and prints one JSON record per quote.
score: build
	$(STANCE) score examples/

# Retrains from training-data/ and writes the next models/stance-vN.json.
# NOTE="what changed" goes into the model card; transfer figures are added when the
# benchmark files exist beside the repository.
train: build
	$(STANCE) train --data training-data/quotes.csv --out models --card models/README.md \
	  --note "$(NOTE)" $(foreach f,real-quotes-dev plover-gsr un-quadclass,--benchmark $(BENCH_DATA)/$(f).csv)
	$(CARGO) build --release --locked

# Metrics of the current (built-in) model on the test split, and cross-validation.
eval: build
	$(STANCE) eval --data training-data/quotes.csv
	$(STANCE) eval --data training-data/quotes.csv --cv 5

# Transfer to real text written by others (not in the repository; see README).
transfer: build
	@for f in real-quotes-dev plover-gsr un-quadclass; do \
	  if [ -f $(BENCH_DATA)/$$f.csv ]; then echo "== $$f"; $(STANCE) eval --data $(BENCH_DATA)/$$f.csv --split all | sed -n '2,9p'; fi; \
	done

test:
	$(CARGO) test --release --locked

lint:
	$(CARGO) fmt --check
	$(CARGO) clippy --release --locked --all-targets -- -D warnings

bench:
	$(CARGO) bench --locked --bench pipeline

# Side-by-side: stance, a scikit-learn pipeline, and wc -w on the same 2,000 articles.
bench-peers: build
	bash benches/peers/run.sh

# A self-contained HTML report (speakers, tone over time, every quote) of the examples.
report: build
	$(STANCE) report examples -o target/report.html

# Fuzzes quote extraction and scoring of arbitrary input for FUZZ_SECONDS (cargo-fuzz on
# the nightly toolchain; crashes land in fuzz/artifacts/score/). Without cargo-fuzz or
# nightly, runs the property tests at scale (PROPTEST_CASES=20000) for as long instead.
FUZZ_SECONDS ?= 60
fuzz:
	@if command -v cargo-fuzz >/dev/null 2>&1 && rustup run nightly rustc --version >/dev/null 2>&1; then \
	  cd fuzz && mkdir -p corpus/score && \
	  $(CARGO) +nightly fuzz run score corpus/score ../examples -- \
	    -max_total_time=$(FUZZ_SECONDS) -max_len=8192 -timeout=30; \
	else \
	  echo "cargo-fuzz or nightly missing: running tests/properties.rs with PROPTEST_CASES=20000 for $(FUZZ_SECONDS) s"; \
	  $(CARGO) test --release --locked --test properties --no-run && \
	  { PROPTEST_CASES=20000 timeout $(FUZZ_SECONDS) $(CARGO) test --release --locked --test properties -- --skip stress_; \
	    s=$$?; [ $$s -eq 0 ] || [ $$s -eq 124 ]; }; \
	fi
