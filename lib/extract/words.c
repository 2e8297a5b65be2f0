/* SPDX-License-Identifier: MIT */
/* Fixed word lists that rules test tokens against, compared by token hash. */
#include "extract-private.h"

void
bilat__word_set_fill (bilat_word_set *ws)
{
    if (!g_once_init_enter (&ws->ready))
        return;
    size_t n = 0;
    while (n < G_N_ELEMENTS (ws->words) && ws->words[n] != NULL) {
        const char *w = ws->words[n];
        size_t len = strlen (w);
        uint64_t h = bilat__token_hash (w, len);
        ws->hash[n] = h;
        ws->filter[h >> 62] |= 1ULL << ((h >> 56) & 63);
        ws->lens[bilat__word_letter ((unsigned char) w[0])] |= (uint16_t) (1u << MIN (len, 15));
        ws->len[n] = (uint8_t) MIN (len, 255);
        n++;
    }
    ws->n = n;
    /* Grouped by letter, a counting sort that keeps the list's order within each. */
    uint8_t count[28] = { 0 };
    for (size_t k = 0; k < n; k++)
        count[bilat__word_letter ((unsigned char) ws->words[k][0]) + 1]++;
    for (size_t l = 1; l < G_N_ELEMENTS (ws->at); l++)
        ws->at[l] = (uint8_t) (ws->at[l - 1] + count[l]);
    uint8_t fill[27];
    memcpy (fill, ws->at, sizeof fill);
    for (size_t k = 0; k < n; k++)
        ws->by_letter[fill[bilat__word_letter ((unsigned char) ws->words[k][0])]++] = (uint8_t) k;
    g_once_init_leave (&ws->ready, 1);
}
