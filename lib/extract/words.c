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
        uint64_t h = bilat__token_hash (ws->words[n], strlen (ws->words[n]));
        ws->hash[n] = h;
        ws->filter[h >> 62] |= 1ULL << ((h >> 56) & 63);
        n++;
    }
    ws->n = n;
    g_once_init_leave (&ws->ready, 1);
}

gboolean
bilat__word_in_list (const bilat_word_set *ws, const bilat_ctx *c, size_t i)
{
    uint64_t h = ctx_tok (c, i)->hash;
    for (size_t k = 0; k < ws->n; k++)
        if (ws->hash[k] == h)
            return bilat__tok_is (c, i, ws->words[k]);
    return FALSE;
}

const char *
bilat__word_which (bilat_word_set *ws, const bilat_ctx *c, size_t i)
{
    if (!bilat__word_in (ws, c, i))
        return NULL;
    uint64_t h = ctx_tok (c, i)->hash;
    for (size_t k = 0; k < ws->n; k++)
        if (ws->hash[k] == h && bilat__tok_is (c, i, ws->words[k]))
            return ws->words[k];
    return NULL;
}
