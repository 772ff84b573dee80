/*
 * bridge-fault-relay: sits between a firmware's serial device and a new pseudo-terminal for the
 * host, forwards the byte streams frame by frame (split at 0x00) and injects faults on command,
 * so system tests can check what the protocol promises (PROTOCOL.md): no corrupted frame
 * accepted, resync within one frame, failsafe within its time, exact counters.
 *   bridge-fault-relay --upstream FIRMWARE_PTY --link HOST_LINK [--seed N]
 * Commands on stdin, one per line; each is answered on stdout with "done ..." once applied:
 *   DIR FAULT COUNT   DIR: down (host to MCU) or up (MCU to host); applied to the next COUNT
 *                     non-empty frames. FAULT: flip (one bit, never making a 0x00), drop (one
 *                     byte), dup (one byte twice), truncate (first half, then the delimiter),
 *                     oversize (the frame replaced by 100 non-zero bytes), lose (the whole
 *                     frame), garbage (1..20 random non-zero bytes and a delimiter before it)
 *   cut MS            link loss: nothing passes either way for MS milliseconds
 *   pass              no-op, answered at once (a sync point)
 * Faults never touch the delimiters, so each damaged frame is exactly one rejected frame.
 */
#define _XOPEN_SOURCE 700
#define _DEFAULT_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>
#ifdef __linux__
#include <sys/prctl.h>
#endif

#define FRAME_CAP 1024

enum fault { NONE, FLIP, DROP, DUP, TRUNCATE, OVERSIZE, LOSE, GARBAGE };
static const char *NAMES[] = {"none", "flip", "drop", "dup", "truncate", "oversize", "lose", "garbage"};
static const char *DIRS[] = {"down", "up"};

typedef struct {
  int in;
  int out;
  uint8_t frame[FRAME_CAP];
  size_t n;
  enum fault fault;
  long remaining;
} direction;

static direction dirs[2];
static uint64_t rng = 88172645463325252ull;
static uint64_t cut_until_ms;
static int cut_pending;
static const char *link_path;

static uint32_t rnd(void) {
  rng ^= rng << 13;
  rng ^= rng >> 7;
  rng ^= rng << 17;
  return (uint32_t) (rng >> 16);
}

static uint64_t now_ms(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (uint64_t) ts.tv_sec * 1000u + (uint64_t) ts.tv_nsec / 1000000u;
}

static void write_all(int fd, const uint8_t *b, size_t n) {
  while (n > 0) {
    ssize_t w = write(fd, b, n);
    if (w < 0) {
      if (errno == EAGAIN || errno == EINTR) {
        usleep(100);
        continue;
      }
      return;
    }
    b += w;
    n -= (size_t) w;
  }
}

static int open_raw(const char *path) {
  struct termios tio;
  int fd = open(path, O_RDWR | O_NOCTTY);
  if (fd >= 0 && tcgetattr(fd, &tio) == 0) {
    cfmakeraw(&tio);
    tcsetattr(fd, TCSANOW, &tio);
  }
  return fd;
}

/* Forwards one frame (its bytes end with the 0x00), applying the pending fault. */
static void forward(int d) {
  direction *x = &dirs[d];
  uint8_t out[FRAME_CAP * 2 + 128];
  size_t m = 0;
  size_t body = x->n - 1; /* without the delimiter */
  size_t i;
  if (cut_until_ms != 0) {
    return; /* link cut: lost */
  }
  if (body == 0 || x->fault == NONE || x->remaining <= 0) {
    write_all(x->out, x->frame, x->n);
    return;
  }
  switch (x->fault) {
    case FLIP: {
      size_t at;
      int bit;
      do {
        at = rnd() % body;
        bit = (int) (rnd() % 8);
      } while ((x->frame[at] ^ (1u << bit)) == 0);
      x->frame[at] ^= (uint8_t) (1u << bit);
      memcpy(out, x->frame, x->n);
      m = x->n;
      break;
    }
    case DROP: {
      size_t at = rnd() % body;
      memcpy(out, x->frame, at);
      memcpy(out + at, x->frame + at + 1, x->n - at - 1);
      m = x->n - 1;
      break;
    }
    case DUP: {
      size_t at = rnd() % body;
      memcpy(out, x->frame, at + 1);
      memcpy(out + at + 1, x->frame + at, x->n - at);
      m = x->n + 1;
      break;
    }
    case TRUNCATE:
      m = body / 2 > 0 ? body / 2 : 1;
      memcpy(out, x->frame, m);
      out[m++] = 0;
      break;
    case OVERSIZE:
      for (i = 0; i < 100; i++) {
        out[m++] = (uint8_t) (1 + rnd() % 255);
      }
      out[m++] = 0;
      break;
    case LOSE:
      m = 0;
      break;
    case GARBAGE: {
      size_t g = 1 + rnd() % 20;
      for (i = 0; i < g; i++) {
        out[m++] = (uint8_t) (1 + rnd() % 255);
      }
      out[m++] = 0;
      memcpy(out + m, x->frame, x->n);
      m += x->n;
      break;
    }
    default:
      break;
  }
  write_all(x->out, out, m);
  if (--x->remaining == 0) {
    printf("done %s %s\n", DIRS[d], NAMES[x->fault]);
    fflush(stdout);
    x->fault = NONE;
  }
}

static void pump(int d) {
  direction *x = &dirs[d];
  uint8_t buf[512];
  ssize_t r = read(x->in, buf, sizeof buf);
  ssize_t k;
  for (k = 0; k < r; k++) {
    if (x->n < FRAME_CAP) {
      x->frame[x->n++] = buf[k];
    } else if (cut_until_ms == 0) {
      write_all(x->out, x->frame, x->n); /* no delimiter for long: pass it on as it is */
      x->n = 0;
      x->frame[x->n++] = buf[k];
    }
    if (buf[k] == 0) {
      forward(d);
      x->n = 0;
    }
  }
}

static void command(char *line) {
  char dir[16], name[16];
  long count;
  int d, f;
  if (sscanf(line, "cut %ld", &count) == 1) {
    cut_until_ms = now_ms() + (uint64_t) count;
    cut_pending = 1;
    dirs[0].n = 0;
    dirs[1].n = 0;
    return;
  }
  if (strncmp(line, "pass", 4) == 0) {
    printf("done pass\n");
    fflush(stdout);
    return;
  }
  if (sscanf(line, "%15s %15s %ld", dir, name, &count) != 3 || count < 1) {
    printf("error %s", line);
    fflush(stdout);
    return;
  }
  d = strcmp(dir, "down") == 0 ? 0 : strcmp(dir, "up") == 0 ? 1 : -1;
  for (f = FLIP; f <= GARBAGE; f++) {
    if (strcmp(name, NAMES[f]) == 0) {
      break;
    }
  }
  if (d < 0 || f > GARBAGE) {
    printf("error %s", line);
    fflush(stdout);
    return;
  }
  dirs[d].fault = (enum fault) f;
  dirs[d].remaining = count;
}

static void on_signal(int sig) {
  (void) sig;
  if (link_path != NULL) {
    unlink(link_path);
  }
  _exit(0);
}

int main(int argc, char **argv) {
  const char *upstream = NULL;
  int master, slave, up, i;
  char *name;
  char line[256];
  size_t line_n = 0;
#ifdef __linux__
  prctl(PR_SET_PDEATHSIG, SIGKILL);
#endif
  for (i = 1; i + 1 < argc; i += 2) {
    if (strcmp(argv[i], "--upstream") == 0) {
      upstream = argv[i + 1];
    } else if (strcmp(argv[i], "--link") == 0) {
      link_path = argv[i + 1];
    } else if (strcmp(argv[i], "--seed") == 0) {
      rng ^= strtoull(argv[i + 1], NULL, 0) * 0x9E3779B97F4A7C15ull;
    } else {
      break;
    }
  }
  if (upstream == NULL || link_path == NULL || i != argc) {
    fprintf(stderr, "usage: %s --upstream FIRMWARE_PTY --link HOST_LINK [--seed N]\n", argv[0]);
    return 2;
  }
  up = open_raw(upstream);
  master = posix_openpt(O_RDWR | O_NOCTTY);
  if (up < 0 || master < 0 || grantpt(master) != 0 || unlockpt(master) != 0 || (name = ptsname(master)) == NULL) {
    perror("bridge-fault-relay: open");
    return 1;
  }
  slave = open_raw(name); /* held open: no EIO on the master while the host reconnects */
  (void) slave;
  signal(SIGTERM, on_signal);
  signal(SIGINT, on_signal);
  unlink(link_path);
  if (symlink(name, link_path) != 0) {
    perror("bridge-fault-relay: symlink");
    return 1;
  }
  dirs[0].in = master;
  dirs[0].out = up;
  dirs[1].in = up;
  dirs[1].out = master;
  printf("pty %s\n", name);
  fflush(stdout);
  for (;;) {
    struct pollfd p[3];
    p[0].fd = master;
    p[1].fd = up;
    p[2].fd = 0;
    for (i = 0; i < 3; i++) {
      p[i].events = POLLIN;
      p[i].revents = 0;
    }
    poll(p, 3, 1);
    if (cut_until_ms != 0 && now_ms() >= cut_until_ms) {
      cut_until_ms = 0;
      if (cut_pending) {
        cut_pending = 0;
        printf("done cut\n");
        fflush(stdout);
      }
    }
    if (p[0].revents & POLLIN) {
      pump(0);
    }
    if (p[1].revents & POLLIN) {
      pump(1);
    }
    if (p[1].revents & (POLLHUP | POLLERR)) {
      fprintf(stderr, "bridge-fault-relay: the firmware's device closed\n");
      usleep(1000);
    }
    if (p[2].revents & (POLLIN | POLLHUP)) {
      char c;
      ssize_t r = read(0, &c, 1);
      if (r <= 0) {
        break; /* stdin closed: the test is over */
      }
      if (c == '\n' || line_n == sizeof line - 2) {
        line[line_n++] = '\n';
        line[line_n] = 0;
        command(line);
        line_n = 0;
      } else {
        line[line_n++] = c;
      }
    }
  }
  unlink(link_path);
  return 0;
}
