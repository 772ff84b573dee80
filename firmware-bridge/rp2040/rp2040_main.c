/*
 * RP2040 (Raspberry Pi Pico) board layer of the nrl-edge firmware bridge, bare metal without the
 * Pico SDK: its own vector table and startup, the 12 MHz crystal as system clock, UART0 on GPIO0
 * (TX) / GPIO1 (RX) at 115200 baud polled through its FIFOs into a software TX ring, the 1 MHz
 * TIMER as the microsecond clock, and GPIO2/GPIO3 (pulled up) polled for falling edges. The
 * image runs from SRAM (no flash second-stage bootloader yet); the simulated track (plant 1) is
 * complete, the pins plant reads 0 and drives nothing (ADC and PWM not wired yet).
 */
#include <stdint.h>

#include "../core/bridge_fw.h"

#define REG(addr) (*(volatile uint32_t *) (addr))
#define RESETS_RESET 0x4000c000u
#define RESETS_CLR (RESETS_RESET + 0x3000u)
#define RESETS_DONE 0x4000c008u
#define XOSC_CTRL 0x40024000u
#define XOSC_STATUS 0x40024004u
#define XOSC_STARTUP 0x4002400cu
#define CLK_REF_CTRL 0x40008030u
#define CLK_REF_SELECTED 0x40008038u
#define CLK_SYS_CTRL 0x4000803cu
#define CLK_SYS_SELECTED 0x40008044u
#define CLK_PERI_CTRL 0x40008048u
#define WATCHDOG_TICK 0x4005802cu
#define TIMER_RAWL 0x40054028u
#define IO_BANK0_CTRL(n) (0x40014004u + 8u * (n))
#define PADS_BANK0_GPIO(n) (0x4001c004u + 4u * (n))
#define SIO_GPIO_IN 0xd0000004u
#define UART0_DR 0x40034000u
#define UART0_FR 0x40034018u
#define UART0_IBRD 0x40034024u
#define UART0_FBRD 0x40034028u
#define UART0_LCR_H 0x4003402cu
#define UART0_CR 0x40034030u

#define RESET_IO_BANK0 (1u << 5)
#define RESET_PADS_BANK0 (1u << 8)
#define RESET_TIMER (1u << 21)
#define RESET_UART0 (1u << 22)
#define UART_FR_TXFF (1u << 5)
#define UART_FR_RXFE (1u << 4)
#define TX_SIZE 512u

extern uint32_t __bss_start, __bss_end, __stack_top;
int main(void);

static uint8_t tx_ring[TX_SIZE];
static uint32_t tx_head;
static uint32_t tx_tail;
static bridge_fw fw;

void reset_handler(void) {
  uint32_t *p;
  for (p = &__bss_start; p < &__bss_end; p++) {
    *p = 0;
  }
  main();
  for (;;) {
  }
}

static void hang(void) {
  for (;;) {
  }
}

__attribute__((section(".vectors"), used)) static const void *const vectors[16] = {
    &__stack_top, (const void *) reset_handler, (const void *) hang, (const void *) hang};

static void clocks_init(void) {
  REG(XOSC_CTRL) = 0xaa0u;                     /* 1-15 MHz range */
  REG(XOSC_STARTUP) = ((12000000u / 1000u) + 128u) / 256u;
  REG(XOSC_CTRL) |= 0xfabu << 12;              /* enable */
  while (!(REG(XOSC_STATUS) & (1u << 31))) {   /* stable */
  }
  REG(CLK_REF_CTRL) = 2u;                      /* clk_ref from the crystal */
  while (!(REG(CLK_REF_SELECTED) & (1u << 2))) {
  }
  REG(CLK_SYS_CTRL) = 0u;                      /* clk_sys from clk_ref: 12 MHz */
  while (!(REG(CLK_SYS_SELECTED) & 1u)) {
  }
  REG(CLK_PERI_CTRL) = 1u << 11;               /* clk_peri = clk_sys, enabled */
  REG(WATCHDOG_TICK) = (1u << 9) | 12u;        /* 1 us ticks for the TIMER */
}

static void peripherals_init(void) {
  uint32_t want = RESET_IO_BANK0 | RESET_PADS_BANK0 | RESET_TIMER | RESET_UART0;
  REG(RESETS_CLR) = want;
  while ((REG(RESETS_DONE) & want) != want) {
  }
  REG(IO_BANK0_CTRL(0)) = 2u; /* UART0 TX */
  REG(IO_BANK0_CTRL(1)) = 2u; /* UART0 RX */
  REG(IO_BANK0_CTRL(2)) = 5u; /* SIO inputs, pulled up: switches to ground */
  REG(IO_BANK0_CTRL(3)) = 5u;
  REG(PADS_BANK0_GPIO(2)) = (1u << 6) | (1u << 3) | (1u << 1);
  REG(PADS_BANK0_GPIO(3)) = (1u << 6) | (1u << 3) | (1u << 1);
  /* 12 MHz / (16 * 115200) = 6.5104: IBRD 6, FBRD round(0.5104 * 64) = 33 */
  REG(UART0_IBRD) = 6u;
  REG(UART0_FBRD) = 33u;
  REG(UART0_LCR_H) = (3u << 5) | (1u << 4); /* 8 bits, FIFOs on */
  REG(UART0_CR) = (1u << 0) | (1u << 8) | (1u << 9);
}

static uint32_t micros(void) {
  return REG(TIMER_RAWL);
}

static int uart_write(void *ctx, const uint8_t *bytes, uint8_t n) {
  uint32_t i;
  (void) ctx;
  if (TX_SIZE - (tx_head - tx_tail) < n) {
    return 0;
  }
  for (i = 0; i < n; i++) {
    tx_ring[(tx_head + i) % TX_SIZE] = bytes[i];
  }
  tx_head += n;
  return 1;
}

static void read_pins(void *ctx, int32_t *values) {
  (void) ctx;
  values[0] = 0; /* ADC not wired yet */
  values[1] = 0;
}

static void drive_pins(void *ctx, const int32_t *values, int safe) {
  (void) ctx;
  (void) values;
  (void) safe; /* PWM not wired yet */
}

int main(void) {
  bridge_board board;
  uint32_t last_in;
  clocks_init();
  peripherals_init();
  board.board = BRIDGE_BOARD_RP2040;
  board.default_plant = BRIDGE_PLANT_PINS;
  board.ctx = 0;
  board.write = uart_write;
  board.read_pins = read_pins;
  board.drive_pins = drive_pins;
  bridge_fw_init(&fw, &board, 1u, micros());
  last_in = REG(SIO_GPIO_IN);
  for (;;) {
    uint32_t in;
    uint8_t c;
    while (!(REG(UART0_FR) & UART_FR_RXFE)) {
      bridge_fw_rx(&fw, (uint8_t) REG(UART0_DR), micros());
    }
    while (tx_tail != tx_head && !(REG(UART0_FR) & UART_FR_TXFF)) {
      REG(UART0_DR) = tx_ring[tx_tail % TX_SIZE];
      tx_tail++;
    }
    in = REG(SIO_GPIO_IN);
    for (c = 0; c < 2; c++) {
      uint32_t bit = 1u << (2u + c);
      if ((last_in & bit) && !(in & bit)) {
        bridge_fw_edge(&fw, c, micros());
      }
    }
    last_in = in;
    bridge_fw_poll(&fw, micros());
  }
}
