/*
 * iechorfile-sandbox: runs one command the way a RUN step runs, in a single program start.
 *
 *   iechorfile-sandbox --log FILE --root DIR --wd DIR --hostname NAME --uid N --gid N
 *                      [--groups N,N...] [--no-network] [--chdir DIR]
 *                      [--mount SOURCE TARGET TYPE OPTIONS | --symlink TEXT PATH
 *                       | --mask PATH | --readonly PATH]...
 *                      -- COMMAND [ARG...]
 *
 * It makes new mount, PID, IPC and UTS namespaces (and a network namespace with --no-network),
 * forks the namespace's first process, and there: makes the mounts and symbolic links in the order
 * given (from --chdir, so overlay lower directories may be short relative names), hides the --mask
 * paths and makes the --readonly ones read-only (those that exist, as runc does), sets the hostname,
 * brings up the loopback interface of a private network, sets the group ids, limits the capability
 * bounding set to Docker's default set, enters --root and --wd, installs a system call filter
 * (see limit_system_calls), switches to --uid and executes
 * COMMAND, searched for on the PATH of its environment. The first process stays behind to wait
 * and exits with the command's status (128 + the signal when it was killed); its death kills the
 * namespace.
 *
 * A mount's fields are those of fstab(5). Options mount(8) knows as flags (ro, nosuid, nodev,
 * noexec, strictatime, relatime, noatime, bind, rbind) become flags; a read-only or restricted
 * bind is remounted with those flags, keeping the flags the kernel locked on its source;
 * X-mount.mkdir and X-mount.mkfile first make a missing mount point (a directory or an empty file,
 * and the directories above it); every other option goes to the filesystem.
 *
 * A setup failure is written to --log (which exists only then) and exits 125; a command that cannot
 * be executed exits 127 (not found) or 126, with the reason on standard error, as shells do.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <grp.h>
#include <limits.h>
#include <linux/audit.h>
#include <linux/capability.h>
#include <linux/filter.h>
#include <linux/seccomp.h>
#include <net/if.h>
#include <sched.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mount.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <stddef.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/statvfs.h>
#include <sys/wait.h>
#include <unistd.h>

#define SETUP_FAILED 125

static const char *log_path;

/* Docker's default capabilities; every other one leaves the bounding set. */
static const int KEPT_CAPABILITIES[] = {
    CAP_CHOWN,   CAP_DAC_OVERRIDE, CAP_FOWNER,           CAP_FSETID,  CAP_KILL,
    CAP_SETGID,  CAP_SETUID,       CAP_SETPCAP,          CAP_NET_BIND_SERVICE,
    CAP_NET_RAW, CAP_SYS_CHROOT,   CAP_MKNOD,            CAP_AUDIT_WRITE,
    CAP_SETFCAP,
};

struct options {
  const char *root, *wd, *hostname, *chdir, *groups;
  uid_t uid;
  gid_t gid;
  int no_network;
  char **setup; /* the --mount and --symlink arguments, in order */
  int setup_count;
  char **command;
};

/* Reports a setup failure in the log (standard error when even that fails) and exits. */
static void fail(const char *format, ...) {
  va_list args;
  int fd = log_path ? open(log_path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600) : -1;
  va_start(args, format);
  vdprintf(fd >= 0 ? fd : 2, format, args);
  va_end(args);
  dprintf(fd >= 0 ? fd : 2, "\n");
  _exit(SETUP_FAILED);
}

static unsigned long number(const char *name, const char *text) {
  char *end;
  errno = 0;
  unsigned long value = strtoul(text, &end, 10);
  if (errno != 0 || *text == '\0' || *end != '\0') {
    fail("%s is not a number: %s", name, text);
  }
  return value;
}

static void parse(int argc, char **argv, struct options *o) {
  memset(o, 0, sizeof *o);
  o->setup = calloc((size_t)argc, sizeof *o->setup);
  int i = 1;
  for (; i < argc && strcmp(argv[i], "--") != 0; i++) {
    const char *name = argv[i];
    if (strcmp(name, "--no-network") == 0) {
      o->no_network = 1;
      continue;
    }
    int fields = strcmp(name, "--mount") == 0     ? 4
                 : strcmp(name, "--symlink") == 0 ? 2
                 : strcmp(name, "--mask") == 0 || strcmp(name, "--readonly") == 0 ? 1
                                                   : 0;
    if (fields > 0) {
      if (i + fields >= argc) {
        fail("%s needs %d values", name, fields);
      }
      for (int f = 0; f <= fields; f++) {
        o->setup[o->setup_count++] = argv[i + f];
      }
      i += fields;
      continue;
    }
    if (i + 1 >= argc) {
      fail("%s needs a value", name);
    }
    const char *value = argv[++i];
    if (strcmp(name, "--log") == 0) log_path = value;
    else if (strcmp(name, "--root") == 0) o->root = value;
    else if (strcmp(name, "--wd") == 0) o->wd = value;
    else if (strcmp(name, "--hostname") == 0) o->hostname = value;
    else if (strcmp(name, "--chdir") == 0) o->chdir = value;
    else if (strcmp(name, "--groups") == 0) o->groups = value;
    else if (strcmp(name, "--uid") == 0) o->uid = (uid_t)number(name, value);
    else if (strcmp(name, "--gid") == 0) o->gid = (gid_t)number(name, value);
    else fail("unknown option %s", name);
  }
  if (i + 1 >= argc || !o->setup || !o->root || !o->wd || !o->hostname) {
    fail("usage: iechorfile-sandbox --log FILE --root DIR --wd DIR --hostname NAME --uid N --gid N"
         " [--groups N,N] [--no-network] [--chdir DIR] [--mount SOURCE TARGET TYPE OPTIONS |"
         " --symlink TEXT PATH]... -- COMMAND [ARG...]");
  }
  o->command = argv + i + 1;
}

/* The flags a read-only or restricted bind must keep: the kernel refuses to clear locked ones. */
static unsigned long current_flags(const char *target) {
  struct statvfs st;
  unsigned long flags = 0;
  if (statvfs(target, &st) != 0) {
    return 0;
  }
  if (st.f_flag & ST_NOSUID) flags |= MS_NOSUID;
  if (st.f_flag & ST_NODEV) flags |= MS_NODEV;
  if (st.f_flag & ST_NOEXEC) flags |= MS_NOEXEC;
  if (st.f_flag & ST_NOATIME) flags |= MS_NOATIME;
  if (st.f_flag & ST_NODIRATIME) flags |= MS_NODIRATIME;
  if (st.f_flag & ST_RELATIME) flags |= MS_RELATIME;
  return flags;
}

/* Makes the directories above path, then path itself as a directory or an empty file. */
static void make_mount_point(const char *target, int directory) {
  char *path = strdup(target);
  if (!path) {
    fail("out of memory");
  }
  for (char *slash = strchr(path + 1, '/'); slash; slash = strchr(slash + 1, '/')) {
    *slash = '\0';
    if (mkdir(path, 0755) != 0 && errno != EEXIST) {
      fail("cannot make the mount point %s: %s", path, strerror(errno));
    }
    *slash = '/';
  }
  int made = directory ? mkdir(path, 0755) : mknod(path, S_IFREG | 0644, 0);
  if (made != 0 && errno != EEXIST) {
    fail("cannot make the mount point %s: %s", path, strerror(errno));
  }
  free(path);
}

static void mount_one(const char *source, const char *target, const char *type, char *options) {
  unsigned long flags = 0;
  size_t room = strlen(options) + 1;
  char *data = calloc(1, room);
  if (!data) {
    fail("out of memory");
  }
  for (char *word = strtok(options, ","); word; word = strtok(NULL, ",")) {
    if (strcmp(word, "ro") == 0) flags |= MS_RDONLY;
    else if (strcmp(word, "rw") == 0) flags &= ~(unsigned long)MS_RDONLY;
    else if (strcmp(word, "nosuid") == 0) flags |= MS_NOSUID;
    else if (strcmp(word, "nodev") == 0) flags |= MS_NODEV;
    else if (strcmp(word, "noexec") == 0) flags |= MS_NOEXEC;
    else if (strcmp(word, "strictatime") == 0) flags |= MS_STRICTATIME;
    else if (strcmp(word, "relatime") == 0) flags |= MS_RELATIME;
    else if (strcmp(word, "noatime") == 0) flags |= MS_NOATIME;
    else if (strcmp(word, "bind") == 0) flags |= MS_BIND;
    else if (strcmp(word, "rbind") == 0) flags |= MS_BIND | MS_REC;
    else if (strcmp(word, "X-mount.mkdir") == 0) make_mount_point(target, 1);
    else if (strcmp(word, "X-mount.mkfile") == 0) make_mount_point(target, 0);
    else if (strcmp(word, "defaults") != 0) {
      if (*data) strcat(data, ",");
      strcat(data, word);
    }
  }
  if (flags & MS_BIND) {
    if (mount(source, target, NULL, flags & (MS_BIND | MS_REC), NULL) != 0) {
      fail("cannot bind %s to %s: %s", source, target, strerror(errno));
    }
    unsigned long restrict_flags = flags & (MS_RDONLY | MS_NOSUID | MS_NODEV | MS_NOEXEC);
    if (restrict_flags
        && mount(NULL, target, NULL, MS_REMOUNT | MS_BIND | restrict_flags | current_flags(target),
                 NULL) != 0) {
      fail("cannot make the bind of %s at %s read-only: %s", source, target, strerror(errno));
    }
  } else if (mount(source, target, type, flags, *data ? data : NULL) != 0) {
    fail("cannot mount %s (%s) at %s with options %s: %s", source, type, target,
         *data ? data : "(none)", strerror(errno));
  }
  free(data);
}

/* Hides path as runc does: an empty read-only tmpfs over a directory, /dev/null over a file. */
static void mask(const char *path) {
  struct stat st;
  if (lstat(path, &st) != 0) {
    return;
  }
  int done = S_ISDIR(st.st_mode)
                 ? mount("tmpfs", path, "tmpfs", MS_RDONLY | MS_NOSUID | MS_NODEV | MS_NOEXEC, NULL)
                 : mount("/dev/null", path, NULL, MS_BIND, NULL);
  if (done != 0) {
    fail("cannot hide %s: %s", path, strerror(errno));
  }
}

/* Makes path read-only where it is, keeping the flags the kernel locked on it. */
static void read_only(const char *path) {
  struct stat st;
  if (lstat(path, &st) != 0) {
    return;
  }
  if (mount(path, path, NULL, MS_BIND | MS_REC, NULL) != 0
      || mount(NULL, path, NULL, MS_REMOUNT | MS_BIND | MS_RDONLY | current_flags(path), NULL)
             != 0) {
    fail("cannot make %s read-only: %s", path, strerror(errno));
  }
}

/* The mounts, links, hidden and read-only paths, in the order given. */
static void set_up(char **setup, int count) {
  for (int i = 0; i < count;) {
    if (strcmp(setup[i], "--mask") == 0) {
      mask(setup[i + 1]);
      i += 2;
    } else if (strcmp(setup[i], "--readonly") == 0) {
      read_only(setup[i + 1]);
      i += 2;
    } else if (strcmp(setup[i], "--mount") == 0) {
      char *options = strdup(setup[i + 4]);
      if (!options) {
        fail("out of memory");
      }
      mount_one(setup[i + 1], setup[i + 2], setup[i + 3], options);
      free(options);
      i += 5;
    } else {
      if (symlink(setup[i + 1], setup[i + 2]) != 0) {
        fail("cannot make the link %s: %s", setup[i + 2], strerror(errno));
      }
      i += 3;
    }
  }
}

static void loopback_up(void) {
  int fd = socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);
  struct ifreq request;
  memset(&request, 0, sizeof request);
  strcpy(request.ifr_name, "lo");
  if (fd < 0 || ioctl(fd, SIOCGIFFLAGS, &request) != 0) {
    fail("cannot read the loopback interface: %s", strerror(errno));
  }
  request.ifr_flags |= IFF_UP | IFF_RUNNING;
  if (ioctl(fd, SIOCSIFFLAGS, &request) != 0) {
    fail("cannot bring up the loopback interface: %s", strerror(errno));
  }
  close(fd);
}

/* Whether this user namespace forbids setgroups(2) (one mapped id, no newgidmap). */
static int setgroups_denied(void) {
  char policy[16] = "";
  int fd = open("/proc/self/setgroups", O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    return 0;
  }
  ssize_t n = read(fd, policy, sizeof policy - 1);
  close(fd);
  return n > 0 && strncmp(policy, "deny", 4) == 0;
}

static void set_groups(const struct options *o) {
  gid_t groups[NGROUPS_MAX];
  size_t count = 0;
  if (o->groups && *o->groups) {
    char *list = strdup(o->groups);
    for (char *id = strtok(list, ","); id && count < NGROUPS_MAX; id = strtok(NULL, ",")) {
      groups[count++] = (gid_t)number("--groups", id);
    }
    free(list);
  }
  /* Where setgroups is denied the process keeps the groups it has, as runc does. */
  if (!setgroups_denied() && setgroups(count, groups) != 0) {
    fail("cannot set the supplementary groups %s: %s", o->groups ? o->groups : "",
         strerror(errno));
  }
  if (setresgid(o->gid, o->gid, o->gid) != 0) {
    fail("cannot switch to group id %u: %s", (unsigned)o->gid, strerror(errno));
  }
}

static void limit_capabilities(void) {
  for (int cap = 0; prctl(PR_CAPBSET_READ, cap, 0, 0, 0) >= 0; cap++) {
    int kept = 0;
    for (size_t i = 0; i < sizeof KEPT_CAPABILITIES / sizeof KEPT_CAPABILITIES[0]; i++) {
      kept |= KEPT_CAPABILITIES[i] == cap;
    }
    if (!kept && prctl(PR_CAPBSET_DROP, cap, 0, 0, 0) != 0) {
      fail("cannot drop capability %d: %s", cap, strerror(errno));
    }
  }
}

/* The system calls the filter looks at, by number, for one ABI. */
struct calls {
  unsigned int arch, clone3, setns, keyctl, add_key, request_key, userfaultfd, unshare, clone;
};

#if defined(__x86_64__)
#define FILTERED 1
static const struct calls NATIVE = {AUDIT_ARCH_X86_64, __NR_clone3,  __NR_setns,
                                    __NR_keyctl,       __NR_add_key, __NR_request_key,
                                    __NR_userfaultfd,  __NR_unshare, __NR_clone};
/* i386 programs (an image of linux/386, say) run through the i386 ABI, with its own numbers. */
static const struct calls COMPAT = {AUDIT_ARCH_I386, 435, 346, 288, 286, 287, 374, 310, 120};
#elif defined(__aarch64__)
#define FILTERED 1
static const struct calls NATIVE = {AUDIT_ARCH_AARCH64, __NR_clone3,  __NR_setns,
                                    __NR_keyctl,        __NR_add_key, __NR_request_key,
                                    __NR_userfaultfd,   __NR_unshare, __NR_clone};
/* 32-bit ARM programs (an image of linux/arm/v7, say) run through the ARM ABI. */
static const struct calls COMPAT = {AUDIT_ARCH_ARM, 435, 375, 311, 309, 310, 388, 337, 120};
#endif

#ifdef FILTERED
#define NAMESPACE_FLAGS                                                                          \
  (CLONE_NEWNS | CLONE_NEWUTS | CLONE_NEWIPC | CLONE_NEWUSER | CLONE_NEWPID | CLONE_NEWNET |     \
   CLONE_NEWCGROUP)
#define RETURN(value) BPF_STMT(BPF_RET | BPF_K, (value))
#define IF_EQUAL(k, skip_if_true, skip_if_false)                                                \
  BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, (k), (skip_if_true), (skip_if_false))
#define BLOCK_LENGTH 19

/*
 * The checks for one ABI, whose architecture is already known to be calls->arch: a block of
 * BLOCK_LENGTH instructions that always returns. (On both ABIs of each machine, clone's flags are
 * its first argument.) With x32_check, the x32 calls, which share x86-64's architecture value with
 * numbers of their own, get ENOSYS.
 */
static void block(struct sock_filter *out, const struct calls *calls, int x32_check) {
  struct sock_filter checks[BLOCK_LENGTH] = {
      BPF_STMT(BPF_LD | BPF_W | BPF_ABS, offsetof(struct seccomp_data, nr)),
      BPF_JUMP(BPF_JMP | BPF_JGE | BPF_K, x32_check ? 0x40000000 : 0xffffffff, 0, 1),
      RETURN(SECCOMP_RET_ERRNO | ENOSYS),
      IF_EQUAL(calls->clone3, 0, 1),
      RETURN(SECCOMP_RET_ERRNO | ENOSYS),
      IF_EQUAL(calls->setns, 4, 0),
      IF_EQUAL(calls->keyctl, 3, 0),
      IF_EQUAL(calls->add_key, 2, 0),
      IF_EQUAL(calls->request_key, 1, 0),
      IF_EQUAL(calls->userfaultfd, 0, 1),
      RETURN(SECCOMP_RET_ERRNO | EPERM),
      IF_EQUAL(calls->unshare, 1, 0),
      IF_EQUAL(calls->clone, 0, 4),
      BPF_STMT(BPF_LD | BPF_W | BPF_ABS, offsetof(struct seccomp_data, args[0])),
      BPF_JUMP(BPF_JMP | BPF_JSET | BPF_K, NAMESPACE_FLAGS, 0, 1),
      RETURN(SECCOMP_RET_ERRNO | EPERM),
      RETURN(SECCOMP_RET_ALLOW),
      RETURN(SECCOMP_RET_ALLOW),
      RETURN(SECCOMP_RET_ALLOW),
  };
  memcpy(out, checks, sizeof checks);
}

/*
 * What Docker's default seccomp profile refuses a container without CAP_SYS_ADMIN and the
 * capability set alone does not: new namespaces (unshare, setns, clone with namespace flags; clone3,
 * whose flags a filter cannot read, says ENOSYS so that the C library falls back to clone), the
 * kernel's keyrings, which are not namespaced, and userfaultfd; on the machine's own ABI and on its
 * 32-bit one. Calls of any other ABI get ENOSYS, since they would bypass the numbers.
 */
static void limit_system_calls(void) {
  struct sock_filter filter[2 + BLOCK_LENGTH + 1 + BLOCK_LENGTH + 1];
  size_t n = 0;
  filter[n++] = (struct sock_filter)BPF_STMT(BPF_LD | BPF_W | BPF_ABS,
                                             offsetof(struct seccomp_data, arch));
  filter[n++] = (struct sock_filter)IF_EQUAL(NATIVE.arch, 0, BLOCK_LENGTH);
  block(filter + n, &NATIVE, NATIVE.arch == AUDIT_ARCH_X86_64);
  n += BLOCK_LENGTH;
  filter[n++] = (struct sock_filter)IF_EQUAL(COMPAT.arch, 0, BLOCK_LENGTH);
  block(filter + n, &COMPAT, 0);
  n += BLOCK_LENGTH;
  filter[n++] = (struct sock_filter)RETURN(SECCOMP_RET_ERRNO | ENOSYS);
  struct sock_fprog program = {.len = (unsigned short)n, .filter = filter};
  if (prctl(PR_SET_SECCOMP, SECCOMP_MODE_FILTER, &program, 0, 0) != 0) {
    fail("cannot install the system call filter: %s", strerror(errno));
  }
}
#else
/* No filter on other architectures: their system call numbers are not written down here. */
static void limit_system_calls(void) {}
#endif

/* The namespace's first process: everything between the new namespaces and the command. */
static void enter(const struct options *o) {
  if (prctl(PR_SET_PDEATHSIG, SIGKILL, 0, 0, 0) != 0) {
    fail("cannot tie the command to its parent: %s", strerror(errno));
  }
  if (o->chdir && chdir(o->chdir) != 0) {
    fail("cannot enter %s: %s", o->chdir, strerror(errno));
  }
  set_up(o->setup, o->setup_count);
  if (sethostname(o->hostname, strlen(o->hostname)) != 0) {
    fail("cannot set the hostname %s: %s", o->hostname, strerror(errno));
  }
  if (o->no_network) {
    loopback_up();
  }
  set_groups(o);
  limit_capabilities();
  if (chroot(o->root) != 0) {
    fail("cannot enter the root %s: %s", o->root, strerror(errno));
  }
  if (chdir(o->wd) != 0) {
    fail("cannot enter the working directory %s: %s", o->wd, strerror(errno));
  }
  /* While CAP_SYS_ADMIN is still effective, which a filter needs without no_new_privs. */
  limit_system_calls();
  /* Leaving uid 0 clears the permitted and effective capabilities, as in Docker. */
  if (setresuid(o->uid, o->uid, o->uid) != 0) {
    fail("cannot switch to user id %u: %s", (unsigned)o->uid, strerror(errno));
  }
  signal(SIGPIPE, SIG_DFL);
  execvp(o->command[0], o->command);
  int error = errno;
  dprintf(2, "cannot run %s: %s\n", o->command[0], strerror(error));
  _exit(error == ENOENT ? 127 : 126);
}

int main(int argc, char **argv) {
  struct options o;
  parse(argc, argv, &o);
  int namespaces = CLONE_NEWNS | CLONE_NEWPID | CLONE_NEWIPC | CLONE_NEWUTS;
  if (o.no_network) {
    namespaces |= CLONE_NEWNET;
  }
  if (unshare(namespaces) != 0) {
    fail("cannot create the namespaces for RUN: %s (RUN needs root, or root of a user namespace,"
         " which ./iechorfile makes for ordinary users)", strerror(errno));
  }
  if (mount(NULL, "/", NULL, MS_REC | MS_PRIVATE, NULL) != 0) {
    fail("cannot make the mounts private: %s", strerror(errno));
  }
  /* Like unshare --fork: the waiting parent leaves interrupts to the command's process group. */
  signal(SIGINT, SIG_IGN);
  signal(SIGTERM, SIG_IGN);
  pid_t child = fork();
  if (child < 0) {
    fail("cannot start the namespace's first process: %s", strerror(errno));
  }
  if (child == 0) {
    signal(SIGINT, SIG_DFL);
    signal(SIGTERM, SIG_DFL);
    enter(&o);
  }
  int status;
  while (waitpid(child, &status, 0) < 0) {
    if (errno != EINTR) {
      fail("cannot wait for the command: %s", strerror(errno));
    }
  }
  return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}
