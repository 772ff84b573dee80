/** The jar's entry point: checks the Java version before anything compiled for Java 21 loads. */
package io.nrledge.launch;
