#!/bin/bash
# A throw-away single-node Slurm cluster on localhost, for tests and for trying sweep.sbatch.
#   local-cluster.sh start <dir>   → starts munged, slurmctld and slurmd with all state in <dir>;
#                                    prints `export SLURM_CONF=<dir>/slurm.conf`; fails loudly if any daemon does not come up
#   local-cluster.sh stop <dir>    → stops exactly the daemons it started (by their PID files)
# Needs Debian/Ubuntu `slurm-wlm` and `munge` (apt-get install -y slurm-wlm munge) and root (SlurmUser=root).
set -euo pipefail
action=${1:?usage: local-cluster.sh start|stop <dir>}
dir=$(realpath -m "${2:?usage: local-cluster.sh start|stop <dir>}")

stop() {
    for daemon in slurmd slurmctld munged; do
        pidfile="$dir/$daemon.pid"
        [[ -s $pidfile ]] || continue
        pid=$(cat "$pidfile")
        kill "$pid" 2>/dev/null || true
        for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
        kill -9 "$pid" 2>/dev/null || true
        rm -f "$pidfile"
    done
}

fail() {
    echo "local-cluster: $*" >&2
    for log in "$dir"/*.log; do [[ -f $log ]] && { echo "---- $log" >&2; tail -n 20 "$log" >&2; }; done
    stop
    exit 1
}

if [[ $action == stop ]]; then stop; exit 0; fi
[[ $action == start ]] || { echo "unknown action '$action'" >&2; exit 2; }
for tool in munged mungekey slurmctld slurmd sinfo; do
    command -v "$tool" >/dev/null || { echo "local-cluster: '$tool' not found; install with: apt-get install -y slurm-wlm munge" >&2; exit 1; }
done
[[ $(id -u) == 0 ]] || { echo "local-cluster: must run as root (SlurmUser=root)" >&2; exit 1; }

mkdir -p "$dir"/{munge,state,spool,run}
chmod 700 "$dir/munge"
mungekey --create --keyfile="$dir/munge/munge.key" --force >/dev/null 2>&1 \
    || dd if=/dev/urandom of="$dir/munge/munge.key" bs=1024 count=1 status=none
chmod 400 "$dir/munge/munge.key"
munged --key-file="$dir/munge/munge.key" --socket="$dir/munge/munge.socket" \
    --pid-file="$dir/munged.pid" --log-file="$dir/munged.log" --seed-file="$dir/munge/munge.seed" --force \
    || fail "munged did not start"

cpus=$(nproc)
memory=$(( $(awk '/MemAvailable/ {print $2}' /proc/meminfo) / 1024 / 2 ))
port=$(( 20000 + RANDOM % 20000 ))
cat > "$dir/slurm.conf" <<CONF
ClusterName=resistancesim-test
SlurmctldHost=localhost
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
CredType=cred/munge
AuthInfo=socket=$dir/munge/munge.socket
SlurmctldPort=$port
SlurmdPort=$((port + 1))
StateSaveLocation=$dir/state
SlurmdSpoolDir=$dir/spool
SlurmctldPidFile=$dir/slurmctld.pid
SlurmdPidFile=$dir/slurmd.pid
SlurmctldLogFile=$dir/slurmctld.log
SlurmdLogFile=$dir/slurmd.log
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
SchedulerType=sched/builtin
JobCompType=jobcomp/none
AccountingStorageType=accounting_storage/none
JobAcctGatherType=jobacct_gather/none
MpiDefault=none
ReturnToService=2
MaxArraySize=1001
NodeName=localhost CPUs=$cpus RealMemory=$memory State=UNKNOWN
PartitionName=debug Nodes=localhost Default=YES MaxTime=INFINITE State=UP
CONF
export SLURM_CONF="$dir/slurm.conf"
slurmctld -f "$SLURM_CONF" || fail "slurmctld did not start"
slurmd -f "$SLURM_CONF" || fail "slurmd did not start"

for _ in $(seq 100); do
    state=$(sinfo -h -n localhost -o %t 2>/dev/null || true)
    if [[ $state == idle* || $state == mix* ]]; then echo "export SLURM_CONF=$SLURM_CONF"; exit 0; fi
    sleep 0.3
done
fail "node never became idle (state: '${state:-none}')"
