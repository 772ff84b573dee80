/*
 * bridge-host-sim: the portable firmware core and the simulated track, built for the host and
 * speaking the bridge protocol on a pseudo-terminal, so the runtime can be tested through a real
 * serial device without a board.
 *   bridge-host-sim [--link PATH] [--seed N] [--plant track|pins] [--max-seconds S]
 * Prints "pty PATH" on stdout once the terminal is ready (and makes PATH a symlink to it with
 * --link); runs until SIGINT/SIGTERM or --max-seconds, then removes the link; SIGUSR1 resets the
 * firmware as a power cycle would. Exit 2 on bad usage.
 */
#define _XOPEN_SOURCE 700
#define _DEFAULT_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#ifdef __linux__
#include <sys/prctl.h>
#endif
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>

#include "../core/bridge_fw.h"

#define TX_RING 8192u

static volatile sig_atomic_t stop_requested;
static volatile sig_atomic_t reset_requested;
static int master = -1;
static uint8_t tx_ring[TX_RING];
static size_t tx_head; /* next byte to send */
static size_t tx_fill; /* bytes queued */
static unsigned long frames_dropped;

static void on_signal(int sig) {
  if (sig == SIGUSR1) {
    reset_requested = 1;
  } else {
    stop_requested = 1;
  }
}

static uint64_t now_us64(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (uint64_t) ts.tv_sec * 1000000u + (uint64_t) ts.tv_nsec / 1000u;
}

/* The board's writer: queues whole frames, or refuses when the ring cannot take all of it. */
static int queue_bytes(void *ctx, const uint8_t *bytes, uint8_t n) {
  size_t i;
  (void) ctx;
  if (tx_fill + n > TX_RING) {
    frames_dropped++;
    return 0;
  }
  for (i = 0; i < n; i++) {
    tx_ring[(tx_head + tx_fill + i) % TX_RING] = bytes[i];
  }
  tx_fill += n;
  return 1;
}

static void flush_ring(void) {
  while (tx_fill > 0) {
    size_t chunk = tx_fill;
    ssize_t w;
    if (tx_head + chunk > TX_RING) {
      chunk = TX_RING - tx_head;
    }
    w = write(master, tx_ring + tx_head, chunk);
    if (w <= 0) {
      return; /* EAGAIN: the far side is not reading; try again next round */
    }
    tx_head = (tx_head + (size_t) w) % TX_RING;
    tx_fill -= (size_t) w;
  }
}

static void no_pins_in(void *ctx, int32_t *values) {
  (void) ctx;
  values[0] = 0;
  values[1] = 0;
}

static void no_pins_out(void *ctx, const int32_t *values, int safe) {
  (void) ctx;
  (void) values;
  (void) safe;
}

static int usage(const char *self) {
  fprintf(stderr, "usage: %s [--link PATH] [--seed N] [--plant track|pins] [--max-seconds S]\n", self);
  return 2;
}

int main(int argc, char **argv) {
  const char *link_path = NULL;
  unsigned long long seed = 1;
  uint8_t plant = BRIDGE_PLANT_TRACK;
  double max_seconds = 0;
  int slave;
  int i;
  char *slave_name;
  struct termios tio;
  struct sigaction sa;
  static bridge_fw fw;
  bridge_board board;
  uint64_t start;

  for (i = 1; i < argc; i++) {
    char *end = NULL;
    if (strcmp(argv[i], "--link") == 0 && i + 1 < argc) {
      link_path = argv[++i];
    } else if (strcmp(argv[i], "--seed") == 0 && i + 1 < argc) {
      seed = strtoull(argv[++i], &end, 0);
      if (*end != '\0') {
        return usage(argv[0]);
      }
    } else if (strcmp(argv[i], "--plant") == 0 && i + 1 < argc) {
      i++;
      if (strcmp(argv[i], "track") == 0) {
        plant = BRIDGE_PLANT_TRACK;
      } else if (strcmp(argv[i], "pins") == 0) {
        plant = BRIDGE_PLANT_PINS;
      } else {
        return usage(argv[0]);
      }
    } else if (strcmp(argv[i], "--max-seconds") == 0 && i + 1 < argc) {
      max_seconds = strtod(argv[++i], &end);
      if (*end != '\0' || max_seconds < 0) {
        return usage(argv[0]);
      }
    } else {
      return usage(argv[0]);
    }
  }

#ifdef __linux__
  prctl(PR_SET_PDEATHSIG, SIGKILL); /* never outlive the runtime that started us */
#endif
  master = posix_openpt(O_RDWR | O_NOCTTY);
  if (master < 0 || grantpt(master) != 0 || unlockpt(master) != 0 || (slave_name = ptsname(master)) == NULL) {
    perror("bridge-host-sim: pseudo-terminal");
    return 1;
  }
  /* Hold the slave open and raw: no echo of our own bytes, no EIO while nobody has it open. */
  slave = open(slave_name, O_RDWR | O_NOCTTY);
  if (slave < 0 || tcgetattr(slave, &tio) != 0) {
    perror("bridge-host-sim: open slave");
    return 1;
  }
  cfmakeraw(&tio);
  tcsetattr(slave, TCSANOW, &tio);
  fcntl(master, F_SETFL, fcntl(master, F_GETFL) | O_NONBLOCK);
  if (link_path != NULL) {
    unlink(link_path);
    if (symlink(slave_name, link_path) != 0) {
      fprintf(stderr, "bridge-host-sim: cannot link %s -> %s: %s\n", link_path, slave_name, strerror(errno));
      return 1;
    }
  }
  memset(&sa, 0, sizeof sa);
  sa.sa_handler = on_signal;
  sigaction(SIGINT, &sa, NULL);
  sigaction(SIGTERM, &sa, NULL);
  sigaction(SIGHUP, &sa, NULL);
  sigaction(SIGUSR1, &sa, NULL);

  board.board = BRIDGE_BOARD_HOST_SIM;
  board.default_plant = plant;
  board.ctx = NULL;
  board.write = queue_bytes;
  board.read_pins = no_pins_in;
  board.drive_pins = no_pins_out;
  start = now_us64();
  bridge_fw_init(&fw, &board, (uint64_t) seed, (uint32_t) start);
  printf("pty %s\n", slave_name);
  fflush(stdout);

  while (!stop_requested) {
    struct pollfd p;
    uint8_t buf[256];
    ssize_t n;
    uint64_t now = now_us64();
    if (max_seconds > 0 && (double) (now - start) > max_seconds * 1e6) {
      break;
    }
    p.fd = master;
    p.events = POLLIN | (tx_fill > 0 ? POLLOUT : 0);
    p.revents = 0;
    poll(&p, 1, 1);
    now = now_us64();
    while ((n = read(master, buf, sizeof buf)) > 0) {
      ssize_t k;
      for (k = 0; k < n; k++) {
        bridge_fw_rx(&fw, buf[k], (uint32_t) now);
      }
    }
    if (reset_requested) {
      /* as a power-on reset: all firmware state lost, a delimiter then HELLO with seq 0 */
      reset_requested = 0;
      bridge_fw_init(&fw, &board, (uint64_t) seed, (uint32_t) now_us64());
    }
    bridge_fw_poll(&fw, (uint32_t) now_us64());
    flush_ring();
  }
  if (link_path != NULL) {
    unlink(link_path);
  }
  fprintf(stderr, "bridge-host-sim: stopped; crc errors %u, rejected %u, sequence gaps %u, failsafe events %u, frames dropped %lu\n",
      fw.crc_errors, fw.rejected, fw.sequence_gaps, fw.failsafe_events, frames_dropped);
  close(slave);
  close(master);
  return 0;
}
