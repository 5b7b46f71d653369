# Runs as PID 1 of fresh mount, PID, IPC and UTS namespaces: builds the root filesystem of one
# command, then replaces itself with the command, with Docker's default capabilities, as the
# requested user, inside the new root. Setup errors go to $log; "ready" is written to $ready just
# before the command starts, so a setup failure is told apart from a failing command.
set -eu
log=$1 ready=$2 root=$3 layers=$4 lowers=$5 upper=$6 work=$7 host=$8 wd=$9
shift 9
uid=$1 gid=$2 network=$3 setpriv=$4 unshare=$5 hostname=$6 nmounts=$7
shift 7

exec 3>&2 2>"$log"
image_path_set=${PATH+x} image_path=${PATH-}
PATH=/usr/sbin:/usr/bin:/sbin:/bin

# Refuses a path inside the new root that passes through a symbolic link: a link in the image
# must never lead a mount onto the host.
inside() {
  p=$root
  rest=${1#/}
  while [ -n "$rest" ]; do
    part=${rest%%/*}
    [ "$part" = "$rest" ] && rest= || rest=${rest#*/}
    p=$p/$part
    if [ -L "$p" ]; then
      echo "mount target $1 passes through the symbolic link ${p#"$root"} in the image" >&2
      exit 96
    fi
  done
}

cd "$layers"
mount -t overlay overlay -o "lowerdir=$lowers,upperdir=$upper,workdir=$work" "$root"

inside /proc
mount -t proc -o nosuid,nodev,noexec proc "$root/proc"
inside /dev
mount -t tmpfs -o nosuid,mode=755,size=65536k tmpfs "$root/dev"
for d in null zero full random urandom tty; do
  : > "$root/dev/$d"
  mount --bind "/dev/$d" "$root/dev/$d"
done
mkdir "$root/dev/pts" "$root/dev/shm"
mount -t devpts -o newinstance,ptmxmode=0666,mode=0620 devpts "$root/dev/pts"
ln -s pts/ptmx "$root/dev/ptmx"
mount -t tmpfs -o nosuid,nodev,noexec,size=65536k shm "$root/dev/shm"
ln -s /proc/self/fd "$root/dev/fd"
ln -s /proc/self/fd/0 "$root/dev/stdin"
ln -s /proc/self/fd/1 "$root/dev/stdout"
ln -s /proc/self/fd/2 "$root/dev/stderr"
inside /sys
mount -t sysfs -o ro,nosuid,nodev,noexec sysfs "$root/sys" 2>/dev/null || true

for f in resolv.conf hosts; do
  if [ -f "/etc/$f" ] && [ -f "$root/etc/$f" ] && [ ! -L "$root/etc" ] && [ ! -L "$root/etc/$f" ]; then
    mount --bind "/etc/$f" "$root/etc/$f"
    mount -o remount,bind,ro "$root/etc/$f"
  fi
done

i=0
while [ "$i" -lt "$nmounts" ]; do
  kind=$1 source=$2 target=$3 option=$4
  shift 4
  inside "$target"
  case $kind in
    bind)
      mount --bind "$source" "$root$target"
      [ "$option" = ro ] && mount -o remount,bind,ro "$root$target"
      ;;
    tmpfs)
      if [ "$option" = 0 ]; then
        mount -t tmpfs -o nosuid,nodev tmpfs "$root$target"
      else
        mount -t tmpfs -o "nosuid,nodev,size=$option" tmpfs "$root$target"
      fi
      ;;
  esac
  i=$((i + 1))
done

if [ "$network" = none ]; then
  ip link set lo up 2>/dev/null || true
fi
"$hostname" "$host"

if [ -n "$image_path_set" ]; then PATH=$image_path; else unset PATH; fi
echo ready > "$ready"
exec 2>&3 3>&-
exec "$setpriv" \
  --bounding-set=-all,+chown,+dac_override,+fowner,+fsetid,+kill,+setgid,+setuid,+setpcap,+net_bind_service,+net_raw,+sys_chroot,+mknod,+audit_write,+setfcap \
  -- "$unshare" --root="$root" --wd="$wd" --setgid="$gid" --setuid="$uid" -- "$@"
