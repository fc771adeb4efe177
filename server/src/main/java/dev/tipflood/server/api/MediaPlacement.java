package dev.tipflood.server.api;

import dev.tipflood.server.api.upload.StagedMedia;
import dev.tipflood.server.storage.MediaStore;
import dev.tipflood.server.tip.MediaItem;
import dev.tipflood.server.tip.TipId;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Puts a tip's staged media in place before its journal record is written: each part is moved
 * into the media store as the tip's own copy, or, when a defence asked to link it to a
 * byte-identical copy already stored ({@code onDuplicate: link}) and that copy is on disk, it
 * refers to that copy and its own temp file is kept until the record is durable, then deleted.
 * Blocking: runs on the storage worker pool.
 *
 * @param items the tip's media, in part order
 * @param ownNames the names this tip stored (removed again if its record fails)
 * @param unkept the temp files of linked parts, to delete once the record is durable
 * @param unkeptBytes their bytes
 */
record MediaPlacement(List<MediaItem> items, List<String> ownNames, List<Path> unkept, long unkeptBytes) {
  static final MediaPlacement NONE = new MediaPlacement(List.of(), List.of(), List.of(), 0);

  static MediaPlacement place(MediaStore store, TipId id, List<StagedMedia> staged) {
    List<MediaItem> items = new ArrayList<>(staged.size());
    List<String> own = new ArrayList<>(staged.size());
    List<Path> unkept = new ArrayList<>();
    long unkeptBytes = 0;
    for (int i = 0; i < staged.size(); i++) {
      StagedMedia m = staged.get(i);
      StagedMedia.StoredCopy copy = m.linkTo();
      // Link only to a copy that is there: one gone (it cannot be, today) means keeping this one.
      if (copy != null && Files.isRegularFile(store.resolve(copy.storedAs()))) {
        items.add(new MediaItem(i, m.filename(), m.contentType(), m.size(), m.sha256(), copy.storedAs(),
            copy.tipId()));
        unkept.add(m.temp());
        unkeptBytes += m.size();
      } else {
        String name = store.promoteOne(id, i, m.temp());
        own.add(name);
        items.add(new MediaItem(i, m.filename(), m.contentType(), m.size(), m.sha256(), name));
      }
    }
    if (!own.isEmpty()) {
      store.syncNames();
    }
    return new MediaPlacement(items, own, unkept, unkeptBytes);
  }
}
