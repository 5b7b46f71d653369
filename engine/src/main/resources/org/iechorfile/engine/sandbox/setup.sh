# Runs as PID 1 of fresh mount, PID, IPC and UTS namespaces: mounts the command's root filesystem
# from one fstab (a single mount process), then replaces itself with the command, with Docker's
# default capabilities, as the requested user, inside the new root. Setup errors go to $log;
# "ready" is written to $ready just before the command starts, so a failing setup is told apart
# from a failing command.
set -eu
log=$1 ready=$2 layers=$3 fstab=$4 network=$5 host=$6 root=$7 wd=$8 uid=$9
shift 9
gid=$1 mount=$2 setpriv=$3 unshare=$4
shift 4

exec 3>&2 2>"$log"
cd "$layers"
"$mount" --all --fstab "$fstab"
if [ "$network" = none ] && [ -x /usr/sbin/ip ]; then
  /usr/sbin/ip link set lo up || true
fi
# sethostname(2), not /proc/sys: in a user namespace the sysctl files belong to the real root.
if [ -x /bin/hostname ]; then
  /bin/hostname "$host"
elif ! echo "$host" > /proc/sys/kernel/hostname; then
  echo "cannot set the hostname without /bin/hostname; install it with: apt-get install hostname" >&2
  exit 1
fi
echo ready > "$ready"
# A user namespace mapped without newgidmap denies setgroups(2), which --setgid calls; there the
# only ids are 0:0, which the command already has.
ids="--setgid=$gid --setuid=$uid"
setgroups=allow
if [ -r /proc/self/setgroups ]; then
  read -r setgroups < /proc/self/setgroups
fi
if [ "$setgroups" = deny ] && [ "$uid:$gid" = 0:0 ]; then
  ids=""
fi
exec 2>&3 3>&-
# shellcheck disable=SC2086 # $ids is zero or two options
exec "$setpriv" \
  --bounding-set=-all,+chown,+dac_override,+fowner,+fsetid,+kill,+setgid,+setuid,+setpcap,+net_bind_service,+net_raw,+sys_chroot,+mknod,+audit_write,+setfcap \
  -- "$unshare" --root="$root" --wd="$wd" $ids -- "$@"
