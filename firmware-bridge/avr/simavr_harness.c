/*
 * simavr-bridge: runs the real ATmega328P firmware ELF in simavr, its UART0 bridged to a
 * pseudo-terminal, paced to wall-clock time so the firmware's timers (sample period, failsafe)
 * mean what they say.
 *   simavr-bridge ELF --link PATH [--max-seconds S]
 * Prints "pty PATH" when ready; PATH becomes a symlink to the pty. Stop it with SIGKILL or
 * SIGTERM (it exits at once without uart_pty_stop, which can hang); on SIGTERM it removes its link.
 * SIGUSR1 resets the simulated chip (its reset pin), mid-stream.
 */
#define _GNU_SOURCE
#include <fcntl.h>
#include <signal.h>
#ifdef __linux__
#include <sys/prctl.h>
#endif
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "avr_uart.h"
#include "sim_avr.h"
#include "sim_elf.h"
#include "parts/uart_pty.h"

static const char *link_path;
static volatile sig_atomic_t reset_requested;

static void on_reset(int sig) {
  (void) sig;
  reset_requested = 1;
}
static uart_pty_t uart_pty;

static void on_signal(int sig) {
  char msg[] = "simavr-bridge: signal NN\n";
  msg[22] = (char) ('0' + sig / 10);
  msg[23] = (char) ('0' + sig % 10);
  if (write(2, msg, sizeof msg - 1) < 0) {
    sig = 0;
  }
  if (link_path != NULL) {
    unlink(link_path);
  }
  _exit(0);
}

static uint64_t now_ns(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (uint64_t) ts.tv_sec * 1000000000u + (uint64_t) ts.tv_nsec;
}

int main(int argc, char **argv) {
  elf_firmware_t firmware;
  avr_t *avr;
  double max_seconds = 0;
  const char *elf = NULL;
  uint32_t flags = 0;
  uint64_t start;
  unsigned long steps = 0;
  uint64_t sim_base_ns = 0; /* simulated time before the last reset (avr_reset zeroes the cycle count) */
  int i;
  for (i = 1; i < argc; i++) {
    if (strcmp(argv[i], "--link") == 0 && i + 1 < argc) {
      link_path = argv[++i];
    } else if (strcmp(argv[i], "--max-seconds") == 0 && i + 1 < argc) {
      max_seconds = atof(argv[++i]);
    } else if (elf == NULL && argv[i][0] != '-') {
      elf = argv[i];
    } else {
      elf = NULL;
      break;
    }
  }
  if (elf == NULL || link_path == NULL) {
    fprintf(stderr, "usage: %s ELF --link PATH [--max-seconds S]\n", argv[0]);
    return 2;
  }
#ifdef __linux__
  prctl(PR_SET_PDEATHSIG, SIGKILL); /* never outlive the runtime that started us */
#endif
  memset(&firmware, 0, sizeof firmware);
  if (elf_read_firmware(elf, &firmware) != 0) {
    fprintf(stderr, "simavr-bridge: cannot read %s\n", elf);
    return 1;
  }
  avr = avr_make_mcu_by_name("atmega328p");
  if (avr == NULL) {
    fprintf(stderr, "simavr-bridge: simavr has no atmega328p core\n");
    return 1;
  }
  avr_init(avr);
  avr_load_firmware(avr, &firmware);
  avr->frequency = 16000000;
  avr->log = 1;

  uart_pty_init(avr, &uart_pty);
  uart_pty_connect(&uart_pty, '0');
  /* the firmware never spins on UART status bits, but keep the core from sleeping on them */
  avr_ioctl(avr, AVR_IOCTL_UART_GET_FLAGS('0'), &flags);
  flags &= ~(uint32_t) AVR_UART_FLAG_POLL_SLEEP;
  avr_ioctl(avr, AVR_IOCTL_UART_SET_FLAGS('0'), &flags);

  /* Hold the slave open: when the last client closes it, reads on simavr's master side fail with
     EIO, which its pty thread does not survive. */
  if (open(uart_pty.pty.slavename, O_RDWR | O_NOCTTY) < 0) {
    perror("simavr-bridge: open pty");
    return 1;
  }
  signal(SIGTERM, on_signal);
  signal(SIGINT, on_signal);
  signal(SIGUSR1, on_reset);
  unlink(link_path);
  if (symlink(uart_pty.pty.slavename, link_path) != 0) {
    perror("simavr-bridge: symlink");
    return 1;
  }
  printf("pty %s\n", uart_pty.pty.slavename);
  fflush(stdout);

  start = now_ns();
  for (;;) {
    int state;
    if (reset_requested) {
      reset_requested = 0;
      sim_base_ns += avr->cycle * 1000000000u / avr->frequency;
      avr_reset(avr); /* the chip's reset pin: firmware restarts, the pty stays */
    }
    state = avr_run(avr);
    if (state == cpu_Done || state == cpu_Crashed) {
      fprintf(stderr, "simavr-bridge: the firmware stopped (state %d)\n", state);
      break;
    }
    if (++steps % 2048 == 0) {
      /* keep simulated time at wall-clock time: sleep while ahead */
      uint64_t sim_ns = sim_base_ns + avr->cycle * 1000000000u / avr->frequency;
      uint64_t wall_ns = now_ns() - start;
      if (max_seconds > 0 && (double) wall_ns > max_seconds * 1e9) {
        fprintf(stderr, "simavr-bridge: --max-seconds reached\n");
        break;
      }
      if (wall_ns > sim_ns + 2000000u) {
        /* the process was not scheduled for a while: carry on at real time from here instead of
           catching up at several times real time, which would flood the UART bridge's FIFO */
        start += wall_ns - sim_ns;
      } else if (sim_ns > wall_ns + 200000u) {
        struct timespec ts;
        uint64_t ahead = sim_ns - wall_ns;
        ts.tv_sec = (time_t) (ahead / 1000000000u);
        ts.tv_nsec = (long) (ahead % 1000000000u);
        nanosleep(&ts, NULL);
      }
    }
  }
  unlink(link_path);
  _exit(0);
}
