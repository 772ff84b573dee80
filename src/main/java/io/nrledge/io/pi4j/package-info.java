/** Real Raspberry Pi boards (and Pi4J's mock platform) behind the device contracts: the only package that imports com.pi4j. */
package io.nrledge.io.pi4j;
