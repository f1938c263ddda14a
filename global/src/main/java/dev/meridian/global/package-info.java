package dev.meridian.global;
