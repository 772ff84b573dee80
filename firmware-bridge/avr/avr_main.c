/*
 * ATmega328P board layer (Arduino Uno/Nano, 16 MHz) of the nrl-edge firmware bridge: UART0 at
 * 115200 baud with interrupt-driven ring buffers, Timer1 as the microsecond clock, INT0/INT1
 * (pins D2/D3) as edge inputs, ADC0/ADC1 (A0/A1) as sensors, Timer2 PWM on OC2A (D11) with a
 * direction pin D8 as the actuator. The portable core in ../core does the protocol. No malloc;
 * the ISRs only move bytes and count edges.
 */
#include <avr/interrupt.h>
#include <avr/io.h>
#include <util/atomic.h>

#include "../core/bridge_fw.h"

#define BAUD 115200uL
#define UBRR_VALUE ((F_CPU / (8uL * BAUD)) - 1uL) /* U2X: 16, 2.1 % error */
#define RX_SIZE 128u                              /* powers of two */
#define TX_SIZE 256u

static volatile uint8_t rx_buf[RX_SIZE];
static volatile uint8_t rx_head;
static volatile uint8_t rx_tail;
static volatile uint8_t tx_buf[TX_SIZE];
static volatile uint8_t tx_head;
static volatile uint8_t tx_tail;
static volatile uint16_t timer_overflows;
static volatile uint16_t edge_isr_count[2];
static volatile uint32_t edge_isr_us[2];
static uint16_t edge_forwarded[2];
static bridge_fw fw;

ISR(USART_RX_vect) {
  uint8_t b = UDR0;
  uint8_t next = (uint8_t) ((rx_head + 1u) & (RX_SIZE - 1u));
  if (next != rx_tail) {
    rx_buf[rx_head] = b;
    rx_head = next;
  } /* else: dropped; the frame fails its CRC and the host resends on its next tick */
}

ISR(USART_UDRE_vect) {
  if (tx_head == tx_tail) {
    UCSR0B &= (uint8_t) ~_BV(UDRIE0);
  } else {
    UDR0 = tx_buf[tx_tail];
    tx_tail = (uint8_t) (tx_tail + 1u); /* TX_SIZE is 256: wraps by itself */
  }
}

ISR(TIMER1_OVF_vect) {
  timer_overflows++;
}

static uint32_t micros(void) {
  uint16_t ov;
  uint16_t t;
  ATOMIC_BLOCK(ATOMIC_RESTORESTATE) {
    ov = timer_overflows;
    t = TCNT1;
    if ((TIFR1 & _BV(TOV1)) && t < 0x8000u) {
      ov++;
    }
  }
  /* Timer1 counts 0.5 us; one overflow is 32768 us; wraps with the u32 like the protocol's clock */
  return (uint32_t) ov * 32768uL + (t >> 1);
}

ISR(INT0_vect) {
  edge_isr_count[0]++;
  edge_isr_us[0] = micros();
}

ISR(INT1_vect) {
  edge_isr_count[1]++;
  edge_isr_us[1] = micros();
}

static int uart_write(void *ctx, const uint8_t *bytes, uint8_t n) {
  uint8_t free_bytes;
  uint8_t i;
  (void) ctx;
  ATOMIC_BLOCK(ATOMIC_RESTORESTATE) {
    free_bytes = (uint8_t) (TX_SIZE - 1u - (uint8_t) (tx_head - tx_tail));
  }
  if (n > free_bytes) {
    return 0;
  }
  for (i = 0; i < n; i++) {
    tx_buf[tx_head] = bytes[i];
    tx_head = (uint8_t) (tx_head + 1u);
  }
  UCSR0B |= _BV(UDRIE0);
  return 1;
}

static uint16_t adc_read(uint8_t channel) {
  ADMUX = (uint8_t) (_BV(REFS0) | (channel & 0x07u));
  ADCSRA |= _BV(ADSC);
  while (ADCSRA & _BV(ADSC)) {
  }
  return ADC;
}

static void read_pins(void *ctx, int32_t *values) {
  (void) ctx;
  values[0] = (int32_t) adc_read(0) * 1000 / 1023;
  values[1] = (int32_t) adc_read(1) * 1000 / 1023;
}

/* Sign-magnitude drive for an H-bridge: duty on D11, direction on D8; safe = duty 0. */
static void drive_pins(void *ctx, const int32_t *values, int safe) {
  int32_t v = safe ? 0 : values[0];
  (void) ctx;
  if (v < 0) {
    PORTB |= _BV(PORTB0);
    v = -v;
  } else {
    PORTB &= (uint8_t) ~_BV(PORTB0);
  }
  OCR2A = (uint8_t) (v * 255 / 1000);
}

static void hardware_init(void) {
  UCSR0A = _BV(U2X0); /* before UBRR0L: simavr derives its byte time when UBRR0L is written */
  UBRR0H = (uint8_t) (UBRR_VALUE >> 8);
  UBRR0L = (uint8_t) UBRR_VALUE;
  UCSR0C = _BV(UCSZ01) | _BV(UCSZ00);
  UCSR0B = _BV(RXEN0) | _BV(TXEN0) | _BV(RXCIE0);
  TCCR1A = 0;
  TCCR1B = _BV(CS11); /* /8: 2 MHz */
  TIMSK1 = _BV(TOIE1);
  EICRA = _BV(ISC01) | _BV(ISC11); /* falling edges: switches to ground with pull-ups */
  PORTD |= _BV(PORTD2) | _BV(PORTD3);
  EIMSK = _BV(INT0) | _BV(INT1);
  ADCSRA = _BV(ADEN) | _BV(ADPS2) | _BV(ADPS1) | _BV(ADPS0);
  DDRB |= _BV(DDB3) | _BV(DDB0);
  OCR2A = 0;
  TCCR2A = _BV(COM2A1) | _BV(WGM21) | _BV(WGM20); /* fast PWM on OC2A */
  TCCR2B = _BV(CS21);                            /* 7.8 kHz */
}

int main(void) {
  bridge_board board;
  board.board = BRIDGE_BOARD_ATMEGA328P;
  board.default_plant = BRIDGE_PLANT_PINS;
  board.ctx = 0;
  board.write = uart_write;
  board.read_pins = read_pins;
  board.drive_pins = drive_pins;
  hardware_init();
  sei();
  bridge_fw_init(&fw, &board, 1u, micros());
  for (;;) {
    uint8_t c;
    /* No effect on the chip; simavr tells its pty bridge there is room for input (XON) only
       when the firmware reads UCSR0A, and interrupt-driven firmware otherwise never does. */
    (void) UCSR0A;
    while (rx_tail != rx_head) {
      uint8_t b = rx_buf[rx_tail];
      rx_tail = (uint8_t) ((rx_tail + 1u) & (RX_SIZE - 1u));
      bridge_fw_rx(&fw, b, micros());
    }
    for (c = 0; c < 2; c++) {
      uint16_t count;
      uint32_t at;
      ATOMIC_BLOCK(ATOMIC_RESTORESTATE) {
        count = edge_isr_count[c];
        at = edge_isr_us[c];
      }
      while (edge_forwarded[c] != count) {
        edge_forwarded[c]++;
        bridge_fw_edge(&fw, c, at);
      }
    }
    bridge_fw_poll(&fw, micros());
  }
}
