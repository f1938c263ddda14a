/** The TrafficTrace policy (Kuma's older tracing policy): types, decoder and validator. */
package dev.meridian.common.policy.traffictrace;
