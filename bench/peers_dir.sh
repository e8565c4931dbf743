# Sourced by the bench scripts: sets peers_dir, the peers' scripts, SQL and data
# generator: $PEERS_DIR, else shared/bench-peers beside the main checkout (found from any
# worktree of it, wherever the checkout is), else beside this checkout.
bench_checkout=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
bench_git=$(git -C "$bench_checkout" rev-parse --path-format=absolute --git-common-dir 2>/dev/null || echo "$bench_checkout/.git")
peers_dir=${PEERS_DIR:-$(dirname "$bench_git")/../shared/bench-peers}
if [ ! -f "$peers_dir/gen.py" ]; then
  echo "the bench peers are not at $peers_dir (no gen.py); set PEERS_DIR to their folder" >&2
  exit 1
fi
peers_dir=$(cd "$peers_dir" && pwd)
