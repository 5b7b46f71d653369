# Runs as PID 1 of fresh mount, PID, IPC and UTS namespaces: mounts the command's root filesystem
# from one fstab (a single mount process), then replaces itself with the command, with Docker's
# default capabilities, as the requested user, inside the new root. Setup errors go to $log;
# "ready" is written to $ready just before the command starts, so a failing setup is told apart
# from a failing command.
# setpriv sets the group ids (the primary one and the supplementary $groups, a comma-separated
# list that may be empty) while still root; unshare then switches only the user id, since its
# --setgid would clear the supplementary groups again. The switch away from uid 0 drops the
# capabilities, as in Docker.
set -eu
log=$1 ready=$2 layers=$3 fstab=$4 network=$5 host=$6 root=$7 wd=$8 uid=$9
shift 9
gid=$1 groups=$2 mount=$3 setpriv=$4 unshare=$5
shift 5

exec 3>&2 2>"$log"
cd "$layers"
"$mount" --all --fstab "$fstab"
if [ "$network" = none ] && [ -x /usr/sbin/ip ]; then
  /usr/sbin/ip link set lo up || true
fi
# The sysctl file costs no process; in a user namespace it belongs to the real root, so there
# sethostname(2) through /bin/hostname does it.
if ! { echo "$host" > /proc/sys/kernel/hostname; } 2>/dev/null; then
  if [ ! -x /bin/hostname ]; then
    echo "cannot set the hostname without /bin/hostname; install it with: apt-get install hostname" >&2
    exit 1
  fi
  /bin/hostname "$host"
fi
echo ready > "$ready"
exec 2>&3 3>&-
groupset=--clear-groups
if [ -n "$groups" ]; then
  groupset=--groups=$groups
fi
# A user namespace with only one id mapped forbids setgroups; keep the groups then, as runc does.
policy=allow
{ read -r policy </proc/self/setgroups; } 2>/dev/null || true
if [ "$policy" = deny ]; then
  groupset=--keep-groups
fi
exec "$setpriv" --regid="$gid" "$groupset" \
  --bounding-set=-all,+chown,+dac_override,+fowner,+fsetid,+kill,+setgid,+setuid,+setpcap,+net_bind_service,+net_raw,+sys_chroot,+mknod,+audit_write,+setfcap \
  -- "$unshare" --root="$root" --wd="$wd" --setuid="$uid" -- "$@"
