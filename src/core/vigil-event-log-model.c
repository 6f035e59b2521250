/* vigil-event-log-model.c — the event log from SQLite, page by page (a GListModel)
 *
 * Copyright 2026 The Vigil developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "vigil-event-log-model"

#include "vigil-event-log-model.h"
#include "vigil-event-row-private.h"
#include "vigil-event-store-private.h"

/* How the log stays fast over a million events:
 *
 * - A snapshot: the model's base is "the matching events with id <= top_id", fixed when the
 *   filter is set, so positions do not move under the list while pages load. Events committed
 *   later that match are read by a small query (id > head_top) and kept above the base, in
 *   memory ("head"); when the head grows large the snapshot moves up to include it.
 * - Opening reads the newest id and the first page in one thread hop and shows that page at
 *   once; the full count (which can take longer: an FTS match over half the log) follows and
 *   extends the model.
 * - Pages of PAGE_SIZE rows, at most MAX_PAGES of them cached (least recently used goes).
 * - Positions are mapped to ids through anchors: the first and last id of each page read, and
 *   the oldest id from the count. A page is read from the nearest anchor, above with
 *   "id <= a ORDER BY id DESC OFFSET d" or below with "id >= a ORDER BY id ASC OFFSET d", so
 *   scrolling costs a short OFFSET whatever the depth, and a jump to the end starts from the
 *   bottom rather than skipping a million rows.
 * - New events are read at most every HEAD_INTERVAL: a burst of a thousand events a second
 *   becomes a few insertions of many rows, not a thousand of one (each insertion makes a list
 *   create and bind rows). While paused (the log is not on screen) they are not read at all;
 *   resuming reads what came meanwhile, or, when that is more than HEAD_MAX, only counts it
 *   and moves the snapshot up over it, so that the rows are read as pages when shown. */

#define PAGE_SIZE 256
#define MAX_PAGES 16
#define HEAD_BATCH 512
#define HEAD_MAX 1024
#define HEAD_INTERVAL (100 * G_TIME_SPAN_MILLISECOND)

typedef struct
{
  guint index;
  guint serial;
  guint len;
  GPtrArray *rows;            /* len entries; NULL until asked for or read */
  gboolean loaded;
  GCancellable *cancellable;
  GList *lru_link;
} Page;

typedef struct
{
  guint index;                /* position in the base */
  gint64 id;
} Anchor;

struct _VigilEventLogModel
{
  GObject parent_instance;

  VigilEventStore *store;
  VigilEventFilter *filter;
  GCancellable *cancellable;  /* every query for the current filter */
  guint generation;           /* bumps when the filter changes */

  gboolean opened;
  gint64 top_id;
  guint n_base;
  gboolean count_known;

  GPtrArray *head;            /* VigilEventRow, newest first, ids > top_id */
  gint64 head_top;            /* every id up to here has been looked at */
  gboolean head_running;
  gboolean head_again;
  gint64 head_started;        /* monotonic time of the last head read */
  guint head_timeout_id;
  gint64 seen_top;            /* the newest id the store said it committed */
  gboolean paused;

  GHashTable *pages;          /* page index → Page */
  GQueue lru;                 /* Page, most recently used first */
  guint next_serial;
  GArray *anchors;            /* Anchor, sorted by index */
};

static void vigil_event_log_model_list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (VigilEventLogModel, vigil_event_log_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL,
                                                      vigil_event_log_model_list_model_iface_init))

enum {
  PROP_0,
  PROP_STORE,
  PROP_FILTER,
  PROP_LOADING,
  PROP_PAUSED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void start_open (VigilEventLogModel *self);
static void run_head (VigilEventLogModel *self);

static guint
n_items (VigilEventLogModel *self)
{
  return self->head->len + self->n_base;
}

/* ---- Work in threads ---- */

typedef enum
{
  JOB_OPEN,
  JOB_COUNT,
  JOB_PAGE,
  JOB_HEAD,
  JOB_CATCH_UP,
} JobKind;

typedef struct
{
  JobKind kind;
  guint generation;
  VigilEventFilter *filter;
  VigilStoreQuery query;
  guint page_index;
  guint page_serial;

  /* results */
  GPtrArray *rows;
  gint64 top_id;
  gint64 count;
  gint64 min_id;
} Job;

static void
job_free (gpointer data)
{
  Job *job = data;

  vigil_event_filter_free (job->filter);
  g_clear_pointer (&job->rows, g_ptr_array_unref);
  g_free (job);
}

static void
job_thread (GTask        *task,
            gpointer      source_object,
            gpointer      task_data,
            GCancellable *cancellable)
{
  VigilEventStore *store = VIGIL_EVENT_STORE (source_object);
  Job *job = task_data;
  GError *error = NULL;
  gboolean ok = FALSE;
  sqlite3 *db;

  db = vigil_event_store_acquire_reader (store, &error);
  if (db == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  job->query.filter = job->filter;

  switch (job->kind)
    {
    case JOB_OPEN:
      /* The newest id and the first page in one read transaction: the page is exactly the top
       * of the snapshot. */
      ok = vigil_store_db_exec (db, "BEGIN", &error);
      if (ok)
        {
          job->top_id = vigil_store_read_max_id (db, &error);
          ok = job->top_id >= 0;
          if (ok && job->top_id > 0)
            {
              job->query.max_id = job->top_id;
              job->rows = vigil_store_read_rows (db, &job->query, cancellable, &error);
              ok = job->rows != NULL;
            }
          sqlite3_exec (db, "COMMIT", NULL, NULL, NULL);
        }
      break;

    case JOB_COUNT:
      ok = vigil_store_read_count (db, job->filter, job->query.max_id, &job->count,
                                   &job->min_id, cancellable, &error);
      break;

    case JOB_PAGE:
      job->rows = vigil_store_read_rows (db, &job->query, cancellable, &error);
      ok = job->rows != NULL;
      if (ok && job->query.ascending)
        {
          /* Read upwards from an anchor below: put it back newest first. */
          for (guint i = 0, j = job->rows->len; i + 1 < j; i++, j--)
            {
              gpointer tmp = job->rows->pdata[i];

              job->rows->pdata[i] = job->rows->pdata[j - 1];
              job->rows->pdata[j - 1] = tmp;
            }
        }
      break;

    case JOB_HEAD:
      job->top_id = vigil_store_read_max_id (db, &error);
      ok = job->top_id >= 0;
      if (ok)
        {
          job->query.max_id = job->top_id;
          job->rows = vigil_store_read_rows (db, &job->query, cancellable, &error);
          ok = job->rows != NULL;
        }
      break;

    case JOB_CATCH_UP:
      /* The newest id and how many match above where the head stopped, in one read
       * transaction so that both see the same rows. */
      ok = vigil_store_db_exec (db, "BEGIN", &error);
      if (ok)
        {
          job->top_id = vigil_store_read_max_id (db, &error);
          ok = job->top_id >= 0
               && vigil_store_read_count_range (db, job->filter, job->query.after_id, job->top_id,
                                                &job->count, cancellable, &error);
          sqlite3_exec (db, "COMMIT", NULL, NULL, NULL);
        }
      break;

    default:
      g_assert_not_reached ();
    }

  vigil_event_store_release_reader (store, db);

  if (ok)
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static Job *
job_new (VigilEventLogModel *self,
         JobKind             kind)
{
  Job *job = g_new0 (Job, 1);

  job->kind = kind;
  job->generation = self->generation;
  job->filter = self->filter != NULL ? vigil_event_filter_copy (self->filter) : NULL;

  return job;
}

static void
job_start (VigilEventLogModel  *self,
           Job                 *job,
           GCancellable        *cancellable,
           GAsyncReadyCallback  callback)
{
  g_autoptr(GTask) task = g_task_new (self->store, cancellable, callback, g_object_ref (self));

  g_task_set_task_data (task, job, job_free);
  g_task_set_source_tag (task, job_start);
  g_task_run_in_thread (task, job_thread);
}

/* The job, if it finished without error for the current filter; NULL otherwise. */
static Job *
job_finish (VigilEventLogModel *self,
            GAsyncResult       *result)
{
  g_autoptr(GError) error = NULL;
  Job *job = g_task_get_task_data (G_TASK (result));

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED)
          && !g_error_matches (error, VIGIL_EVENT_STORE_ERROR, VIGIL_EVENT_STORE_ERROR_CLOSED))
        g_warning ("Could not read the event log: %s", error->message);
      return NULL;
    }

  if (job->generation != self->generation || self->store == NULL)
    return NULL;

  return job;
}

/* ---- Anchors ---- */

static guint
anchor_lower_bound (VigilEventLogModel *self,
                    guint               index)
{
  guint lo = 0;
  guint hi = self->anchors->len;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (g_array_index (self->anchors, Anchor, mid).index < index)
        lo = mid + 1;
      else
        hi = mid;
    }

  return lo;
}

static void
add_anchor (VigilEventLogModel *self,
            guint               index,
            gint64              id)
{
  guint at = anchor_lower_bound (self, index);
  Anchor anchor = { index, id };

  if (at < self->anchors->len && g_array_index (self->anchors, Anchor, at).index == index)
    g_array_index (self->anchors, Anchor, at).id = id;
  else
    g_array_insert_val (self->anchors, at, anchor);
}

static void
add_row_anchors (VigilEventLogModel *self,
                 guint               first_index,
                 GPtrArray          *rows)
{
  if (rows->len == 0)
    return;

  add_anchor (self, first_index, vigil_event_row_get_id (g_ptr_array_index (rows, 0)));
  add_anchor (self, first_index + rows->len - 1,
              vigil_event_row_get_id (g_ptr_array_index (rows, rows->len - 1)));
}

/* The query for base rows [first, first + len): from the nearest anchor at or above (or the
 * top of the snapshot), or at or below, whichever skips fewer rows. */
static void
plan_page (VigilEventLogModel *self,
           guint               first,
           guint               len,
           VigilStoreQuery    *query)
{
  guint last = first + len - 1;
  guint at = anchor_lower_bound (self, first);
  guint down_offset = first;
  gint64 down_id = self->top_id;

  if (at < self->anchors->len && g_array_index (self->anchors, Anchor, at).index == first)
    {
      down_offset = 0;
      down_id = g_array_index (self->anchors, Anchor, at).id;
    }
  else if (at > 0)
    {
      const Anchor *above = &g_array_index (self->anchors, Anchor, at - 1);

      down_offset = first - above->index;
      down_id = above->id;
    }

  query->max_id = self->top_id;
  query->limit = len;

  at = anchor_lower_bound (self, last);
  if (at < self->anchors->len)
    {
      const Anchor *below = &g_array_index (self->anchors, Anchor, at);

      if (below->index - last < down_offset)
        {
          query->ascending = TRUE;
          query->bound_id = below->id;
          query->offset = below->index - last;
          return;
        }
    }

  query->ascending = FALSE;
  query->bound_id = down_id;
  query->offset = down_offset;
}

/* ---- Pages ---- */

static void
page_free (gpointer data)
{
  Page *page = data;

  g_cancellable_cancel (page->cancellable);
  g_clear_object (&page->cancellable);
  g_ptr_array_unref (page->rows);
  g_free (page);
}

static void
clear_pages (VigilEventLogModel *self)
{
  g_queue_clear (&self->lru);
  g_hash_table_remove_all (self->pages);
}

static void
page_loaded_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(VigilEventLogModel) self = user_data;
  Job *job = job_finish (self, result);
  Page *page;

  if (job == NULL)
    return;

  page = g_hash_table_lookup (self->pages, GUINT_TO_POINTER (job->page_index));
  if (page == NULL || page->serial != job->page_serial)
    return;

  for (guint i = 0; i < page->len && i < job->rows->len; i++)
    {
      VigilEventRow *loaded = g_ptr_array_index (job->rows, i);
      VigilEventRow *placeholder = g_ptr_array_index (page->rows, i);

      if (placeholder != NULL)
        vigil_event_row_fill (placeholder, loaded);
      else
        page->rows->pdata[i] = g_object_ref (loaded);
    }
  page->loaded = TRUE;

  add_row_anchors (self, page->index * PAGE_SIZE, job->rows);
}

static Page *
ensure_page (VigilEventLogModel *self,
             guint               index)
{
  Page *page = g_hash_table_lookup (self->pages, GUINT_TO_POINTER (index));
  Job *job;

  if (page != NULL)
    {
      /* Most recently used first. */
      g_queue_unlink (&self->lru, page->lru_link);
      g_queue_push_head_link (&self->lru, page->lru_link);
      return page;
    }

  page = g_new0 (Page, 1);
  page->index = index;
  page->serial = ++self->next_serial;
  page->len = MIN (PAGE_SIZE, self->n_base - index * PAGE_SIZE);
  page->rows = g_ptr_array_new_full (page->len, (GDestroyNotify) g_object_unref);
  g_ptr_array_set_size (page->rows, page->len);
  page->cancellable = g_cancellable_new ();
  g_hash_table_insert (self->pages, GUINT_TO_POINTER (index), page);
  g_queue_push_head (&self->lru, page);
  page->lru_link = self->lru.head;

  while (self->lru.length > MAX_PAGES)
    {
      Page *old = g_queue_pop_tail (&self->lru);

      g_hash_table_remove (self->pages, GUINT_TO_POINTER (old->index));
    }

  job = job_new (self, JOB_PAGE);
  job->page_index = index;
  job->page_serial = page->serial;
  plan_page (self, index * PAGE_SIZE, page->len, &job->query);
  job_start (self, job, page->cancellable, page_loaded_cb);

  return page;
}

/* ---- Opening, counting, new events ---- */

static void
count_cb (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(VigilEventLogModel) self = user_data;
  Job *job = job_finish (self, result);
  guint count;
  guint old_n_base;

  if (job == NULL)
    return;

  count = (guint) CLAMP (job->count, 0, G_MAXUINT);
  old_n_base = self->n_base;
  self->count_known = TRUE;

  if (count > old_n_base)
    {
      /* Only the first page exists yet, and it is a full one: nothing to redo. */
      self->n_base = count;
      g_list_model_items_changed (G_LIST_MODEL (self), self->head->len + old_n_base, 0,
                                  count - old_n_base);
    }
  if (count > 0)
    add_anchor (self, count - 1, job->min_id);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);

  if (self->head_again)
    run_head (self);
}

static void
open_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(VigilEventLogModel) self = user_data;
  Job *job = job_finish (self, result);
  guint n_first;

  if (job == NULL)
    return;

  self->opened = TRUE;
  self->top_id = job->top_id;
  self->head_top = job->top_id;
  self->seen_top = MAX (self->seen_top, job->top_id);
  n_first = job->rows != NULL ? job->rows->len : 0;

  if (n_first > 0)
    {
      Page *page;

      self->n_base = n_first;
      page = g_new0 (Page, 1);
      page->index = 0;
      page->serial = ++self->next_serial;
      page->len = n_first;
      page->rows = g_ptr_array_ref (job->rows);
      page->loaded = TRUE;
      page->cancellable = g_cancellable_new ();
      g_hash_table_insert (self->pages, GUINT_TO_POINTER (0), page);
      g_queue_push_head (&self->lru, page);
      page->lru_link = self->lru.head;
      add_row_anchors (self, 0, job->rows);

      g_list_model_items_changed (G_LIST_MODEL (self), 0, 0, n_first);
    }

  if (n_first < PAGE_SIZE)
    {
      /* The first page was all there is. */
      self->count_known = TRUE;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
    }
  else
    {
      Job *count = job_new (self, JOB_COUNT);

      count->query.max_id = self->top_id;
      job_start (self, count, self->cancellable, count_cb);
    }

  if (self->head_again)
    run_head (self);
}

/* Moves the snapshot up to include the head, so that the head stays small. Positions do not
 * change; only how they map to pages does, so the page cache goes. */
static void
rebase (VigilEventLogModel *self)
{
  guint shift = self->head->len;

  for (guint i = 0; i < self->anchors->len; i++)
    g_array_index (self->anchors, Anchor, i).index += shift;
  if (shift > 0)
    {
      add_anchor (self, 0, vigil_event_row_get_id (g_ptr_array_index (self->head, 0)));
      add_anchor (self, shift - 1,
                  vigil_event_row_get_id (g_ptr_array_index (self->head, shift - 1)));
    }

  clear_pages (self);
  self->n_base += shift;
  self->top_id = self->head_top;
  g_ptr_array_set_size (self->head, 0);
}

/* The head job that finished, or NULL; a stale job (an older filter) leaves the flag to the
 * current one. */
static Job *
head_job_finish (VigilEventLogModel *self,
                 GAsyncResult       *result)
{
  Job *job = job_finish (self, result);

  if (job != NULL || ((Job *) g_task_get_task_data (G_TASK (result)))->generation == self->generation)
    self->head_running = FALSE;
  return job;
}

static void
head_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(VigilEventLogModel) self = user_data;
  Job *job = head_job_finish (self, result);
  guint n;

  if (job == NULL)
    return;
  n = job->rows->len;

  /* Read oldest first; the head is newest first. */
  for (guint i = 0; i < n; i++)
    g_ptr_array_insert (self->head, 0, g_object_ref (g_ptr_array_index (job->rows, i)));

  if (n == HEAD_BATCH)
    {
      /* More than one batch arrived: go on from the last one read. */
      self->head_top = vigil_event_row_get_id (g_ptr_array_index (job->rows, n - 1));
      self->head_again = TRUE;
    }
  else
    self->head_top = MAX (self->head_top, job->top_id);

  if (n > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), 0, 0, n);

  if (self->head->len > HEAD_MAX && self->count_known)
    rebase (self);

  if (self->head_again)
    run_head (self);
}

/* Too many new events to read as rows: the snapshot moves up over them, and the list learns
 * of them in one insertion; the rows are read as pages when the list asks for them. */
static void
catch_up_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(VigilEventLogModel) self = user_data;
  Job *job = head_job_finish (self, result);

  if (job == NULL)
    return;

  if (job->top_id > self->head_top)
    {
      guint n = (guint) CLAMP (job->count, 0, G_MAXUINT - n_items (self));

      /* The head goes into the base first: its rows stay where they are. */
      rebase (self);
      for (guint i = 0; i < self->anchors->len; i++)
        g_array_index (self->anchors, Anchor, i).index += n;
      self->n_base += n;
      self->top_id = job->top_id;
      self->head_top = job->top_id;
      if (n > 0)
        g_list_model_items_changed (G_LIST_MODEL (self), 0, 0, n);
    }

  if (self->head_again)
    run_head (self);
}

static gboolean
head_timeout_cb (gpointer user_data)
{
  VigilEventLogModel *self = user_data;

  self->head_timeout_id = 0;
  if (self->head_again)
    run_head (self);
  return G_SOURCE_REMOVE;
}

/* Reads the events committed since the last read, unless that has to wait: for the first page
 * (opening), for the read under way, for the log to be shown again, or for HEAD_INTERVAL to
 * pass since the last read. Whatever waits sets head_again and is read when the wait ends. */
static void
run_head (VigilEventLogModel *self)
{
  gint64 now;
  Job *job;

  self->head_again = TRUE;
  if (self->store == NULL || !self->opened || self->head_running || self->paused
      || self->head_timeout_id != 0)
    return;

  now = g_get_monotonic_time ();
  if (now < self->head_started + HEAD_INTERVAL)
    {
      self->head_timeout_id = g_timeout_add ((guint) ((self->head_started + HEAD_INTERVAL - now + 999) / 1000),
                                             head_timeout_cb, self);
      return;
    }

  self->head_again = FALSE;
  self->head_running = TRUE;
  self->head_started = now;

  /* The head may only move into the base once the base is counted. */
  if (self->count_known && self->seen_top - self->head_top > HEAD_MAX)
    {
      job = job_new (self, JOB_CATCH_UP);
      job->query.after_id = self->head_top;
      job_start (self, job, self->cancellable, catch_up_cb);
      return;
    }

  job = job_new (self, JOB_HEAD);
  job->query.after_id = self->head_top;
  job->query.ascending = TRUE;
  job->query.limit = HEAD_BATCH;
  job_start (self, job, self->cancellable, head_cb);
}

static void
on_committed (VigilEventStore        *store,
              const VigilStoredEvent *items,
              guint                   n,
              VigilEventLogModel     *self)
{
  gboolean newer = FALSE;

  for (guint i = 0; i < n; i++)
    if (items[i].id > self->head_top)
      {
        newer = TRUE;
        self->seen_top = MAX (self->seen_top, items[i].id);
      }
  if (newer)
    run_head (self);
}

static void
start_open (VigilEventLogModel *self)
{
  guint old_n = n_items (self);
  Job *job;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  self->generation++;

  clear_pages (self);
  g_array_set_size (self->anchors, 0);
  g_ptr_array_set_size (self->head, 0);
  self->n_base = 0;
  self->top_id = 0;
  self->head_top = 0;
  self->seen_top = 0;
  self->opened = FALSE;
  self->count_known = FALSE;
  self->head_running = FALSE;
  self->head_again = FALSE;

  if (old_n > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), 0, old_n, 0);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);

  if (self->store == NULL)
    return;

  job = job_new (self, JOB_OPEN);
  job->query.limit = PAGE_SIZE;
  job_start (self, job, self->cancellable, open_cb);
}

/* ---- GListModel ---- */

static GType
vigil_event_log_model_get_item_type (GListModel *model)
{
  return VIGIL_TYPE_EVENT_ROW;
}

static guint
vigil_event_log_model_get_n_items (GListModel *model)
{
  return n_items (VIGIL_EVENT_LOG_MODEL (model));
}

static gpointer
vigil_event_log_model_get_item (GListModel *model,
                                guint       position)
{
  VigilEventLogModel *self = VIGIL_EVENT_LOG_MODEL (model);
  Page *page;
  guint base;
  guint slot;

  if (position >= n_items (self))
    return NULL;

  if (position < self->head->len)
    return g_object_ref (g_ptr_array_index (self->head, position));

  base = position - self->head->len;
  page = ensure_page (self, base / PAGE_SIZE);
  slot = base % PAGE_SIZE;

  if (slot >= page->len)
    return vigil_event_row_new_placeholder ();

  if (g_ptr_array_index (page->rows, slot) == NULL)
    page->rows->pdata[slot] = vigil_event_row_new_placeholder ();

  return g_object_ref (g_ptr_array_index (page->rows, slot));
}

static void
vigil_event_log_model_list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = vigil_event_log_model_get_item_type;
  iface->get_n_items = vigil_event_log_model_get_n_items;
  iface->get_item = vigil_event_log_model_get_item;
}

/* ---- GObject ---- */

static void
vigil_event_log_model_constructed (GObject *object)
{
  VigilEventLogModel *self = VIGIL_EVENT_LOG_MODEL (object);

  G_OBJECT_CLASS (vigil_event_log_model_parent_class)->constructed (object);

  g_return_if_fail (VIGIL_IS_EVENT_STORE (self->store));

  g_signal_connect_object (self->store, "committed", G_CALLBACK (on_committed), self, 0);
  start_open (self);
}

static void
vigil_event_log_model_dispose (GObject *object)
{
  VigilEventLogModel *self = (VigilEventLogModel *) object;

  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->head_timeout_id, g_source_remove);
  clear_pages (self);
  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (vigil_event_log_model_parent_class)->dispose (object);
}

static void
vigil_event_log_model_finalize (GObject *object)
{
  VigilEventLogModel *self = (VigilEventLogModel *) object;

  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->filter, vigil_event_filter_free);
  g_clear_pointer (&self->head, g_ptr_array_unref);
  g_clear_pointer (&self->pages, g_hash_table_unref);
  g_clear_pointer (&self->anchors, g_array_unref);

  G_OBJECT_CLASS (vigil_event_log_model_parent_class)->finalize (object);
}

static void
vigil_event_log_model_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  VigilEventLogModel *self = VIGIL_EVENT_LOG_MODEL (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_FILTER:
      g_value_set_boxed (value, self->filter);
      break;
    case PROP_LOADING:
      g_value_set_boolean (value, vigil_event_log_model_get_loading (self));
      break;
    case PROP_PAUSED:
      g_value_set_boolean (value, self->paused);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vigil_event_log_model_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  VigilEventLogModel *self = VIGIL_EVENT_LOG_MODEL (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    case PROP_FILTER:
      vigil_event_log_model_set_filter (self, g_value_get_boxed (value));
      break;
    case PROP_PAUSED:
      vigil_event_log_model_set_paused (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vigil_event_log_model_class_init (VigilEventLogModelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = vigil_event_log_model_constructed;
  object_class->dispose = vigil_event_log_model_dispose;
  object_class->finalize = vigil_event_log_model_finalize;
  object_class->get_property = vigil_event_log_model_get_property;
  object_class->set_property = vigil_event_log_model_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, VIGIL_TYPE_EVENT_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_FILTER] =
    g_param_spec_boxed ("filter", NULL, NULL, VIGIL_TYPE_EVENT_FILTER,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LOADING] =
    g_param_spec_boolean ("loading", NULL, NULL, TRUE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PAUSED] =
    g_param_spec_boolean ("paused", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
vigil_event_log_model_init (VigilEventLogModel *self)
{
  self->head = g_ptr_array_new_with_free_func (g_object_unref);
  self->pages = g_hash_table_new_full (NULL, NULL, NULL, page_free);
  self->anchors = g_array_new (FALSE, FALSE, sizeof (Anchor));
  self->cancellable = g_cancellable_new ();
  g_queue_init (&self->lru);
}

VigilEventLogModel *
vigil_event_log_model_new (VigilEventStore *store)
{
  g_return_val_if_fail (VIGIL_IS_EVENT_STORE (store), NULL);

  return g_object_new (VIGIL_TYPE_EVENT_LOG_MODEL, "store", store, NULL);
}

VigilEventStore *
vigil_event_log_model_get_store (VigilEventLogModel *self)
{
  g_return_val_if_fail (VIGIL_IS_EVENT_LOG_MODEL (self), NULL);

  return self->store;
}

void
vigil_event_log_model_set_filter (VigilEventLogModel     *self,
                                  const VigilEventFilter *filter)
{
  g_return_if_fail (VIGIL_IS_EVENT_LOG_MODEL (self));

  if (vigil_event_filter_equal (self->filter, filter))
    return;

  g_clear_pointer (&self->filter, vigil_event_filter_free);
  if (filter != NULL && !vigil_event_filter_is_empty (filter))
    self->filter = vigil_event_filter_copy (filter);

  /* Before construction finishes the store is not set yet: constructed() opens. */
  if (self->store != NULL)
    start_open (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILTER]);
}

const VigilEventFilter *
vigil_event_log_model_get_filter (VigilEventLogModel *self)
{
  g_return_val_if_fail (VIGIL_IS_EVENT_LOG_MODEL (self), NULL);

  return self->filter;
}

gboolean
vigil_event_log_model_get_loading (VigilEventLogModel *self)
{
  g_return_val_if_fail (VIGIL_IS_EVENT_LOG_MODEL (self), FALSE);

  return !self->count_known;
}

void
vigil_event_log_model_set_paused (VigilEventLogModel *self,
                                  gboolean            paused)
{
  g_return_if_fail (VIGIL_IS_EVENT_LOG_MODEL (self));

  paused = !!paused;
  if (self->paused == paused)
    return;

  self->paused = paused;
  /* What came meanwhile, at once: the interval is for bursts, not for the operator's switch. */
  if (!paused && self->head_again)
    {
      g_clear_handle_id (&self->head_timeout_id, g_source_remove);
      self->head_started = 0;
      run_head (self);
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PAUSED]);
}

gboolean
vigil_event_log_model_get_paused (VigilEventLogModel *self)
{
  g_return_val_if_fail (VIGIL_IS_EVENT_LOG_MODEL (self), FALSE);

  return self->paused;
}
