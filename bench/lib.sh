# Shell helpers the bench scripts share; sourced, never run: . "$(dirname "$0")/lib.sh"

# The service's heap in use (MiB), from its own metrics: heap_mb PORT
heap_mb() { curl -s "http://localhost:$1/q/metrics" | awk '/^jvm_memory_used_bytes/ && /area="heap"/ {s+=$NF} END {printf "%d", s/1048576}'; }

# The median of the numbers on standard input, one a line (the lower middle of an even count)
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
