/** Device profiles: YAML files read and validated into immutable objects, with {@code FILE:LINE:COL: key: message} errors; depends on nothing else of ours. */
package io.nrledge.profiles;
